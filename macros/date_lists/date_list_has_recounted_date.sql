{% macro date_list_has_recounted_date(date_list, plan, lead_column) %}
    {#-
        True when a date list (recent_dates_agg) of the lead in `lead_column` has a date the
        run recounts (`plan`: engagement_recount_plan; engagement_recount_filter): a date on a
        changed day, or any date of a lead recounted whole; always when the run recounts
        every day. Incremental runs are DuckDB's only.
    -#}
    {{ return(adapter.dispatch('date_list_has_recounted_date', 'lead_scoring')(date_list, plan, lead_column)) }}
{% endmacro %}

{% macro default__date_list_has_recounted_date(date_list, plan, lead_column) -%}
    {{ exceptions.raise_compiler_error(
        "the incremental engagement state runs on DuckDB only (target type " ~ target.type ~ ")"
    ) }}
{%- endmacro %}

{% macro duckdb__date_list_has_recounted_date(date_list, plan, lead_column) -%}
    {%- if plan.recount_all -%}
    true  {#- every day: an empty list too -#}
    {%- else -%}
    coalesce(list_bool_or(list_transform(
        {{ date_list }},
        lambda listed_date: {{ engagement_recount_filter(plan, 'listed_date', lead_column) }}
    )), false)
    {%- endif -%}
{%- endmacro %}
