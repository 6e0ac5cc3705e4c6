{% macro relation_column_names(relation) %}
    {#-
        The column names of `relation` as the database reports them (case and spaces kept),
        in its order; none when there is nothing to look at: while parsing, when a unit test's
        fixture stands for the relation, or before the relation exists.
    -#}
    {%- if not execute or relation.identifier is none or relation.schema is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set existing = adapter.get_relation(
        database=relation.database, schema=relation.schema, identifier=relation.identifier
    ) -%}
    {%- if existing is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(existing) | map(attribute='name') | list) }}
{% endmacro %}
