{% macro as_of_date() %}
    {#-
        The scoring date as a SQL date literal: the `as_of` var (YYYY-MM-DD), or today in UTC
        when it is empty. Every model that needs "now" calls this, so replaying an old `as_of`
        gives the scores of that day. A value that is not a date of the calendar stops the
        run with a message (check_vars checks it first, in on-run-start).
    -#}
    {%- set raw_value = var('as_of', none) -%}
    {%- if raw_value is none or (raw_value | string | trim) == '' -%}
        {%- set value = modules.datetime.datetime.utcnow().date().isoformat() -%}
    {%- else -%}
        {%- set value = raw_value | string | trim -%}
        {%- if not is_calendar_date(value) -%}
            {{ exceptions.raise_compiler_error(
                "var as_of: '" ~ value ~ "' is not a date of the calendar in the form YYYY-MM-DD"
            ) }}
        {%- endif -%}
    {%- endif -%}
    cast('{{ value }}' as date)
{%- endmacro %}
