{% macro fast_hash(expression) %}
    {#-
        A cheap stand-in for `expression` when looking for repeated values over many rows
        (e.g. event ids used twice): equal values give equal results, so grouping on it finds
        every repeated value, plus at worst a few false candidates that an exact comparison
        then drops. DuckDB: its 64-bit hash(), much cheaper to group on than long texts.
        Elsewhere: the expression itself.
    -#}
    {{ return(adapter.dispatch('fast_hash', 'lead_scoring')(expression)) }}
{% endmacro %}

{% macro default__fast_hash(expression) -%}
    {{ expression }}
{%- endmacro %}

{% macro duckdb__fast_hash(expression) -%}
    hash({{ expression }})
{%- endmacro %}
