{% macro engagement_recount_filter(plan, timestamp_expression) %}
    {#-
        A condition true for the rows the run recounts (engagement_recount_plan): every row
        when it recounts all days, the rows whose timestamp_expression falls on a changed day
        otherwise (none when no day changed). The changed days are written as ranges of
        consecutive days (`ts >= first day and ts < the day after the last`, or-ed): DuckDB
        checks such a filter on the Parquet row-group statistics and the zone maps of its
        tables, so a run reads only the row groups of those days.
    -#}
    {%- if plan.recount_all -%}
        1 = 1
    {%- elif plan.changed_days -%}
        {%- set one_day = modules.datetime.timedelta(days=1) -%}
        {%- set spans = [] -%}
        {%- for text in plan.changed_days | unique | sort -%}
            {%- set day = modules.datetime.date.fromisoformat(text) -%}
            {%- if spans and spans[-1].end == day -%}
                {%- do spans[-1].update({'end': day + one_day}) -%}
            {%- else -%}
                {%- do spans.append({'start': day, 'end': day + one_day}) -%}
            {%- endif -%}
        {%- endfor -%}
        (
        {%- for span in spans %}
            {{ 'or ' if not loop.first }}({{ timestamp_expression }} >= cast('{{ span.start }}' as date)
            and {{ timestamp_expression }} < cast('{{ span.end }}' as date))
        {%- endfor %}
        )
    {%- else -%}
        1 = 0
    {%- endif -%}
{% endmacro %}
