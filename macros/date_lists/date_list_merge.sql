{% macro date_list_merge(previous_list, new_list, keep_expression, first_date, plan, lead_column) %}
    {#-
        A daily run's date list of a (lead, engagement key): the dates of the last run's list
        (`previous_list`) that the run does not recount (`plan`: engagement_recount_plan;
        engagement_recount_filter with the lead in `lead_column`: neither on a changed day
        nor of a lead recounted whole) and are not before `first_date` (the window's first
        day; null: none is), and the recounted ones (`new_list`), most recent first, only the
        `keep_expression` most recent when that is not null (as recent_dates_agg). Either
        list may be null. Incremental runs are DuckDB's only.
    -#}
    {{ return(adapter.dispatch('date_list_merge', 'lead_scoring')(
        previous_list, new_list, keep_expression, first_date, plan, lead_column
    )) }}
{% endmacro %}

{% macro default__date_list_merge(previous_list, new_list, keep_expression, first_date, plan, lead_column) -%}
    {{ exceptions.raise_compiler_error(
        "the incremental engagement state runs on DuckDB only (target type " ~ target.type ~ ")"
    ) }}
{%- endmacro %}

{% macro duckdb__date_list_merge(previous_list, new_list, keep_expression, first_date, plan, lead_column) -%}
    list_slice(
        list_reverse_sort(list_concat(
            coalesce(list_filter(
                {{ previous_list }},
                lambda listed_date: ({{ first_date }} is null or listed_date >= {{ first_date }})
                and not ({{ engagement_recount_filter(plan, 'listed_date', lead_column) }})
            ), []),
            coalesce({{ new_list }}, [])
        )),
        1,
        coalesce({{ keep_expression }}, -1)  {#- -1: up to the last -#}
    )
{%- endmacro %}
