{% macro type_double() %}
    {#-
        The 64-bit floating-point type. Not type_double(): that is a 32-bit FLOAT on DuckDB
        and Spark, which turns 999999.99 into 1000000.
    -#}
    {{ return(adapter.dispatch('type_double', 'lead_scoring')()) }}
{% endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}
