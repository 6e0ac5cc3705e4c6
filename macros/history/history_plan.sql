{% macro history_plan() %}
    {#-
        This run's plan of the score history, as int_history_runs_planned decided it: a dict
        with daily (bool), changed_days (list of 'YYYY-MM-DD') and leads_changed (bool). A full
        build (daily false) while parsing or before the model exists. A model calling this
        declares `-- depends_on: {{ ref('int_history_runs_planned') }}`.
    -#}
    {%- set plan = {'daily': false, 'changed_days': [], 'leads_changed': false} -%}
    {%- set relation = ref('int_history_runs_planned') -%}
    {%- if not execute or load_relation(relation) is none -%}
        {{ return(plan) }}
    {%- endif -%}
    {%- set row = run_query('select is_daily, changed_days, are_leads_changed from ' ~ relation).rows[0] -%}
    {%- do plan.update({
        'daily': row[0],
        'changed_days': (row[1] or '').split(',') | reject('equalto', '') | list,
        'leads_changed': row[2],
    }) -%}
    {{ return(plan) }}
{% endmacro %}
