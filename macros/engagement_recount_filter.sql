{% macro engagement_recount_filter(plan, timestamp_expression) %}
    {#-
        A condition true for the rows the run recounts (engagement_recount_plan): every row
        when it recounts all days, the rows whose timestamp_expression falls on a changed day
        otherwise (none when no day changed).
    -#}
    {%- if plan.recount_all -%}
        1 = 1
    {%- elif plan.changed_days -%}
        {#- the range first: a filter DuckDB can check on Parquet row-group statistics -#}
        {{ timestamp_expression }} >= cast('{{ plan.changed_days | min }}' as date)
        and {{ timestamp_expression }} < cast({{ dbt.dateadd('day', 1, "cast('" ~ (plan.changed_days | max) ~ "' as date)") }} as date)
        and cast({{ timestamp_expression }} as date) in (
            {%- for day in plan.changed_days -%}
                cast('{{ day }}' as date){{ ', ' if not loop.last }}
            {%- endfor -%}
        )
    {%- else -%}
        1 = 0
    {%- endif -%}
{% endmacro %}
