{% macro engagement_recount_filter(plan, timestamp_expression, lead_column=none) %}
    {#-
        A condition true for the rows the run recounts (engagement_recount_plan): every row
        when it recounts all days; otherwise the rows whose timestamp_expression falls on a
        changed day and, when `lead_column` is given, the rows of the plan's recount_leads
        (every day of theirs); none when nothing changed. The changed days are written as
        ranges of consecutive days (`ts >= first day and ts < the day after the last`, or-ed):
        DuckDB checks such a filter on the Parquet row-group statistics and the zone maps of
        its tables, so a run reads only the row groups of those days.
    -#}
    {%- if plan.recount_all -%}
        1 = 1
    {%- else -%}
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
        {%- set conditions = [] -%}
        {%- for span in spans -%}
            {%- do conditions.append(
                '(' ~ timestamp_expression ~ " >= cast('" ~ span.start ~ "' as date) and "
                ~ timestamp_expression ~ " < cast('" ~ span.end ~ "' as date))"
            ) -%}
        {%- endfor -%}
        {%- if lead_column is not none and plan.get('recount_leads') -%}
            {%- do conditions.append(lead_column ~ ' in ' ~ sql_literal_list(plan.recount_leads)) -%}
        {%- endif -%}
        {%- if conditions -%}
            ({{ conditions | join('\n            or ') }})
        {%- else -%}
            1 = 0
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
