{% macro round_half_away_from_zero(expression) %}
    {#-
        Round to a whole number, halves away from zero (2.5 -> 3, -2.5 -> -3), as the contract's
        `round` is defined. The argument is a decimal (points are kept as decimal(18, 6)), which
        DuckDB, PostgreSQL (numeric) and Spark (HALF_UP) round half away from zero; the default
    spells it out for any other engine.
    -#}
    {{ return(adapter.dispatch('round_half_away_from_zero', 'lead_scoring')(expression)) }}
{% endmacro %}

{% macro default__round_half_away_from_zero(expression) -%}
    cast(sign({{ expression }}) * floor(abs({{ expression }}) + 0.5) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro duckdb__round_half_away_from_zero(expression) -%}
    cast(round({{ expression }}, 0) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro postgres__round_half_away_from_zero(expression) -%}
    cast(round({{ expression }}, 0) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro spark__round_half_away_from_zero(expression) -%}
    cast(round({{ expression }}, 0) as {{ dbt.type_int() }})
{%- endmacro %}
