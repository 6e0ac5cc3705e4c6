{% macro date_list_count(date_list, first_date) %}
    {#-
        The number of dates of a date list (recent_dates_agg) on or after `first_date` (a
        window's first day; null: all of them).
    -#}
    {{ return(adapter.dispatch('date_list_count', 'lead_scoring')(date_list, first_date)) }}
{% endmacro %}

{% macro default__date_list_count(date_list, first_date) -%}
    (
        select count(*)
        from unnest({{ date_list }}) as listed (event_date)
        where {{ first_date }} is null or listed.event_date >= {{ first_date }}
    )
{%- endmacro %}

{% macro duckdb__date_list_count(date_list, first_date) -%}
    len(list_filter({{ date_list }}, lambda listed_date: {{ first_date }} is null or listed_date >= {{ first_date }}))
{%- endmacro %}

{% macro spark__date_list_count(date_list, first_date) -%}
    size(filter({{ date_list }}, listed_date -> {{ first_date }} is null or listed_date >= {{ first_date }}))
{%- endmacro %}
