{% macro salesforce_column(table, column, kind='text') -%}
    {#-
        The connector column `column` of `table` (read by `salesforce_table`) cast to the
        type the adapter works with: kind `text` (ids and texts, trimmed, blank as null),
        `timestamp`, `boolean`, `integer` (bigint) or `number` (double). An absent column is
        a null of that type.
    -#}
    {%- set expression = input_column(table.inputs, column) -%}
    {%- if kind == 'text' -%}
        {{ clean_text(expression) }}
    {%- elif kind == 'timestamp' -%}
        cast({{ expression }} as {{ dbt.type_timestamp() }})
    {%- elif kind == 'boolean' -%}
        cast({{ expression }} as {{ dbt.type_boolean() }})
    {%- elif kind == 'integer' -%}
        cast({{ expression }} as {{ dbt.type_bigint() }})
    {%- elif kind == 'number' -%}
        cast({{ expression }} as {{ type_double() }})
    {%- else -%}
        {{ exceptions.raise_compiler_error("salesforce_column: unknown kind '" ~ kind ~ "'") }}
    {%- endif -%}
{%- endmacro %}
