{% macro salesforce_table_exists(relation) %}
    {#-
        Whether the connector table `relation` exists. True while parsing and when a unit
        test's fixture stands for it (nothing to look at): only a table that the database
        can be asked about and does not have is absent.
    -#}
    {%- if not execute or relation.identifier is none or relation.schema is none -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set existing = adapter.get_relation(
        database=relation.database, schema=relation.schema, identifier=relation.identifier
    ) -%}
    {{ return(existing is not none) }}
{% endmacro %}
