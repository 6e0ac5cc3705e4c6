{#-
    How this run builds the score history, one row (history_run_plan): is_daily, the history of
    the last run extended by a day, or rebuilt; changed_days, the event days before as_of
    whose input rows changed since (comma-separated YYYY-MM-DD); are_leads_changed, the leads
    file has another number of rows. Decided once, when this model is compiled, from the last
    run's ledger (int_history_inputs_counted) and history (lead_score_history); the history
    models read it (history_plan).
-#}
{{ config(materialized='table') }}

-- depends_on: {{ ref('int_scorecards_validated') }}
-- depends_on: {{ ref('int_scorecard_rules_filtered') }}
-- depends_on: {{ ref('int_country_spellings_unioned') }}
-- depends_on: {{ ref('stg_matrix_segments') }}
-- depends_on: {{ ref('stg_leads') }}
-- depends_on: {{ ref('int_event_days_counted') }}
{%- set plan = history_run_plan() %}

with

final as (

    select
        {{ plan.daily }} as is_daily,
        {{ string_literal(plan.changed_days | join(',')) }} as changed_days,
        {{ plan.leads_changed }} as are_leads_changed

)

select * from final
