{% macro date_list_has_recounted_day(date_list, plan) %}
    {#-
        True when a date list (recent_dates_agg) has a date on a day the run recounts (`plan`:
        engagement_recount_plan); always when it recounts every day. Incremental runs are
        DuckDB's only.
    -#}
    {{ return(adapter.dispatch('date_list_has_recounted_day', 'lead_scoring')(date_list, plan)) }}
{% endmacro %}

{% macro default__date_list_has_recounted_day(date_list, plan) -%}
    {{ exceptions.raise_compiler_error(
        "the incremental engagement state runs on DuckDB only (target type " ~ target.type ~ ")"
    ) }}
{%- endmacro %}

{% macro duckdb__date_list_has_recounted_day(date_list, plan) -%}
    {%- if plan.recount_all -%}
    true  {#- every day: an empty list too -#}
    {%- else -%}
    coalesce(list_bool_or(list_transform({{ date_list }}, lambda listed_date: {{ engagement_recount_filter(plan, 'listed_date') }})), false)
    {%- endif -%}
{%- endmacro %}
