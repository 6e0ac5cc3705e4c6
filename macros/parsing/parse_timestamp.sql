{% macro parse_timestamp(expression) %}
    {#-
        A text read as a timestamp, or null when it is not one. Accepted on every engine:
        ISO 8601 without a time zone, `YYYY-MM-DD`, optionally followed by ` HH:MM`, `:SS` and
        up to six decimals (a `T` may stand for the space). An impossible date
        ('2026-02-30') is null too.
    -#}
    {%- set checked = matches_pattern(
        'trim(' ~ expression ~ ')',
        '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})?)?)?'
    ) -%}
    case
        when {{ checked }}
            then {{ adapter.dispatch('try_cast_timestamp', 'lead_scoring')('replace(trim(' ~ expression ~ "), 'T', ' ')") }}
    end
{%- endmacro %}

{% macro default__try_cast_timestamp(expression) -%}
    try_cast({{ expression }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro postgres__try_cast_timestamp(expression) -%}
    {{ target.schema }}.lead_scoring_try_timestamp({{ expression }})
{%- endmacro %}
