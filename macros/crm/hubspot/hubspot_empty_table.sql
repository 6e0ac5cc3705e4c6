{% macro hubspot_empty_table(columns) -%}
    {#-
        A query of no row with the text columns `columns` (names, quoted): what the base model
        of an optional connector table reads when the table is absent (crm_table_exists).
    -#}
    select
        {%- for column in columns %}
        cast(null as {{ dbt.type_string() }}) as {{ quote_identifier(column) }}{{ ',' if not loop.last }}
        {%- endfor %}
    where 1 = 0
{%- endmacro %}
