{% macro matches_pattern(expression, pattern) %}
    {#-
        True when the whole text matches the regular expression `pattern` (no anchors needed).
        Keep patterns to character classes and quantifiers, without backslashes, so every
        engine reads them alike.
    -#}
    {{ return(adapter.dispatch('matches_pattern', 'lead_scoring')(expression, pattern)) }}
{% endmacro %}

{% macro default__matches_pattern(expression, pattern) -%}
    regexp_like({{ expression }}, '^({{ pattern }})$')
{%- endmacro %}

{% macro duckdb__matches_pattern(expression, pattern) -%}
    regexp_full_match({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__matches_pattern(expression, pattern) -%}
    ({{ expression }} ~ '^({{ pattern }})$')
{%- endmacro %}

{% macro spark__matches_pattern(expression, pattern) -%}
    ({{ expression }} rlike '^({{ pattern }})$')
{%- endmacro %}
