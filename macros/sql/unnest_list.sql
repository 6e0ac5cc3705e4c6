{% macro unnest_list(expression) %}
    {#-
        Set-returning expression for a select list: one row per element of a `a|b|c` list.
        Elements are returned as they are; callers trim them.
    -#}
    {{ return(adapter.dispatch('unnest_list', 'lead_scoring')(expression)) }}
{% endmacro %}

{% macro default__unnest_list(expression) -%}
    unnest(string_to_array({{ expression }}, '|'))
{%- endmacro %}

{% macro duckdb__unnest_list(expression) -%}
    unnest(string_split({{ expression }}, '|'))
{%- endmacro %}

{% macro spark__unnest_list(expression) -%}
    explode(split({{ expression }}, '[|]'))
{%- endmacro %}
