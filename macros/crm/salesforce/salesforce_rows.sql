{% macro salesforce_rows(table) -%}
    {#-
        The rows of a connector table read by `salesforce_table`: `select *` from it, or no
        row at all when the table is absent (its columns are then typed nulls, see
        `salesforce_column`).
    -#}
    {%- if table.present -%}
        select * from {{ table.relation }}
    {%- else -%}
        select 1 as no_such_table where 1 = 0
    {%- endif -%}
{%- endmacro %}
