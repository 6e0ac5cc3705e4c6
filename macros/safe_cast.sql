{% macro safe_cast(expression, data_type) %}
    {#-
        Cast that yields null instead of failing when the value cannot be read as the type
        (a CRM's 'n/a' in a number column must not stop the run). Staging uses it for every
        typed column; the data-quality ledger reports the values that came out null.
    -#}
    {{ return(adapter.dispatch('safe_cast', 'lead_scoring')(expression, data_type)) }}
{% endmacro %}

{% macro default__safe_cast(expression, data_type) -%}
    cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{% macro duckdb__safe_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}
