{% macro extra_source_columns(relation, known_columns) %}
    {#-
        The column names of `relation` (a source) that are not in `known_columns`
        (case-insensitive), in the source's order: stg_leads passes them through so that a rule
        can name a column the contract does not list. Empty while parsing.
    -#}
    {%- set extra_columns = [] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- if column.name | lower not in known_columns -%}
                {%- do extra_columns.append(column.name) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(extra_columns) }}
{% endmacro %}
