{% macro is_calendar_date(text) %}
    {#-
        True when `text` is a day of the calendar written YYYY-MM-DD ('2026-02-28'); false for
        '2026-02-30', '2026-2-3' or 'soon'. Checked without raising (a Python exception would
        print a traceback instead of a message).
    -#}
    {%- set text = text | string -%}
    {%- if not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', text) -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set year, month, day = text.split('-') | map('int') | list -%}
    {%- set leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 -%}
    {%- set month_days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
    {{ return(year >= 1 and 1 <= month <= 12 and 1 <= day <= month_days[month - 1]) }}
{% endmacro %}
