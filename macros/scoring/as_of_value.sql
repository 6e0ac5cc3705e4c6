{% macro as_of_value() %}
    {#-
        The scoring date as a YYYY-MM-DD text: the `as_of` var, or today in UTC when it is
        empty. A value that is not a date of the calendar stops the run with a message
        (check_vars checks it first, in on-run-start).
    -#}
    {%- set raw_value = var('as_of', none) -%}
    {%- if raw_value is none or (raw_value | string | trim) == '' -%}
        {{ return(modules.datetime.datetime.utcnow().date().isoformat()) }}
    {%- endif -%}
    {%- set value = raw_value | string | trim -%}
    {%- if not is_calendar_date(value) -%}
        {{ exceptions.raise_compiler_error(
            "var as_of: '" ~ value ~ "' is not a date of the calendar in the form YYYY-MM-DD"
        ) }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
