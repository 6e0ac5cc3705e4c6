{% macro hubspot_table_is_absent(relation) %}
    {#-
        Whether the optional connector table `relation` (a source('hubspot', ...)) does not
        exist in the database: an account that does not sync it (email_event_click,
        engagement_call, deal, ...). False while parsing, in a unit test (its fixture stands
        for the table) and whenever the table exists. A base model of an optional table reads
        `hubspot_empty_table` instead of an absent one, so the adapter builds without it.
    -#}
    {%- if not execute or relation.identifier is none or relation.schema is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set existing = adapter.get_relation(
        database=relation.database, schema=relation.schema, identifier=relation.identifier
    ) -%}
    {{ return(existing is none) }}
{% endmacro %}
