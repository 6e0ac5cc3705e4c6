{% macro date_list_latest(date_list, first_date) %}
    {#-
        The most recent date of a date list (recent_dates_agg) when it is on or after
        `first_date` (null: any), else null.
    -#}
    {{ return(adapter.dispatch('date_list_latest', 'lead_scoring')(date_list, first_date)) }}
{% endmacro %}

{% macro default__date_list_latest(date_list, first_date) -%}
    case
        when {{ first_date }} is null or {{ date_list }}[1] >= {{ first_date }} then {{ date_list }}[1]
    end
{%- endmacro %}

{% macro spark__date_list_latest(date_list, first_date) -%}
    case
        when {{ first_date }} is null or array_max({{ date_list }}) >= {{ first_date }}
            then array_max({{ date_list }})
    end
{%- endmacro %}
