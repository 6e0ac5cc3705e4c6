{% macro input_column(inputs, column) -%}
    {#-
        The column `column` of an input read by `input_columns` (its result `inputs`): the
        input's own column, safely quoted, or a text null when the input has no such column
        (an optional column left out means what its empty value means).
    -#}
    {%- set name = inputs.found[column] -%}
    {%- if name is none -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        {{ quote_identifier(name) }}
    {%- endif -%}
{%- endmacro %}
