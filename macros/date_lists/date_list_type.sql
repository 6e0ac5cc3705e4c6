{% macro date_list_type() %}
    {#- The type of a date list (recent_dates_agg), for typed nulls. -#}
    {{ return(adapter.dispatch('date_list_type', 'lead_scoring')()) }}
{% endmacro %}

{% macro default__date_list_type() -%}
    date[]
{%- endmacro %}

{% macro spark__date_list_type() -%}
    array<date>
{%- endmacro %}
