{% macro as_of_date() %}
    {#-
        The scoring date as a SQL date literal: the `as_of` var (YYYY-MM-DD), or today in UTC
        when it is empty. Every model that needs "now" calls this, so replaying an old `as_of`
        gives the scores of that day.
    -#}
    {%- set raw_value = var('as_of', none) -%}
    {%- if raw_value is none or (raw_value | string | trim) == '' -%}
        {%- set value = modules.datetime.datetime.utcnow().date().isoformat() -%}
    {%- else -%}
        {%- set value = raw_value | string | trim -%}
        {%- if not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', value) -%}
            {{ exceptions.raise_compiler_error("var as_of: '" ~ value ~ "' is not a date of the form YYYY-MM-DD") }}
        {%- endif -%}
        {%- do modules.datetime.date.fromisoformat(value) -%}
    {%- endif -%}
    cast('{{ value }}' as date)
{%- endmacro %}
