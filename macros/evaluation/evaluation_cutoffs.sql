{% macro evaluation_cutoffs() %}
    {#-
        The cut-off days of the evaluation, as YYYY-MM-DD texts, latest first: the var
        evaluation_cutoffs (a list of dates, or one text of dates separated by commas), or by
        default every 30 days back from as_of - evaluation_horizon_days while inside the
        history (none when history_days is 0). check_vars refuses a value that is not a date.
        Whether each can be evaluated is int_evaluation_cutoffs_listed's say.
    -#}
    {%- set listed = evaluation_cutoffs_var() -%}
    {%- if listed -%}
        {{ return(listed | sort(reverse=true)) }}
    {%- endif -%}
    {%- set as_of = modules.datetime.date.fromisoformat(as_of_value()) -%}
    {%- set latest = as_of - modules.datetime.timedelta(days=evaluation_horizon_days()) -%}
    {%- set first_day = as_of - modules.datetime.timedelta(days=history_days() - 1) -%}
    {%- set span = (latest - first_day).days -%}
    {%- set cutoffs = [] -%}
    {%- for step in range(0, span // 30 + 1) if span >= 0 -%}
        {%- do cutoffs.append((latest - modules.datetime.timedelta(days=30 * step)).isoformat()) -%}
    {%- endfor -%}
    {{ return(cutoffs) }}
{% endmacro %}
