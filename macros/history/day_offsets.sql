{% macro day_offsets(count_expression) %}
    {#-
        Set-returning expression for a select list: one row per whole number 0 ..
        count_expression - 1 (a row of a segment of `count_expression` days becomes one row
        per day). The count must be at least 1.
    -#}
    {{ return(adapter.dispatch('day_offsets', 'lead_scoring')(count_expression)) }}
{% endmacro %}

{% macro default__day_offsets(count_expression) -%}
    generate_series(0, cast({{ count_expression }} as integer) - 1)
{%- endmacro %}

{% macro duckdb__day_offsets(count_expression) -%}
    unnest(range(0, cast({{ count_expression }} as bigint)))
{%- endmacro %}

{% macro spark__day_offsets(count_expression) -%}
    explode(sequence(0, cast({{ count_expression }} as int) - 1))
{%- endmacro %}
