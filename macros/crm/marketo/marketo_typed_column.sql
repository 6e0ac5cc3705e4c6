{% macro marketo_typed_column(inputs, column, kind='text') -%}
    {#-
        The column `column` of a Marketo connector table read by `input_columns` (`inputs`),
        cast to the base models' type `kind`: text (ids and names), timestamp (a plain
        TIMESTAMP, never a timestamptz) or boolean (a flag as true/false/1/0/yes/no, in any
        case). An optional column the table lacks is a null of that type.
    -#}
    {%- set name = inputs.found[column] -%}
    {%- if kind == 'timestamp' -%}
        {%- if name is none -%}
            cast(null as {{ dbt.type_timestamp() }})
        {%- else -%}
            cast({{ quote_identifier(name) }} as {{ dbt.type_timestamp() }})
        {%- endif -%}
    {%- elif kind == 'boolean' -%}
        {%- if name is none -%}
            cast(null as boolean)
        {%- else -%}
            {{ parse_boolean(quote_identifier(name)) }}
        {%- endif -%}
    {%- else -%}
        {%- if name is none -%}
            cast(null as {{ dbt.type_string() }})
        {%- else -%}
            cast({{ quote_identifier(name) }} as {{ dbt.type_string() }})
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
