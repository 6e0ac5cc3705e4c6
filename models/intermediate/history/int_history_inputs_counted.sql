{#-
    The score history's ledger: what the last build of lead_score_history was built from. One
    row per event day on or before as_of with its input event rows (int_event_days_counted),
    each with the build's as_of, history_days, scorecard_fingerprint and input lead rows (one
    row with a null day when there are no events). Built after the history (a failed build
    leaves the last ledger); the next run compares with it (history_run_plan) to extend the
    history by a day, or rebuild it.
-#}
{{ config(materialized='table') }}

-- depends_on: {{ ref('lead_score_history') }}

with

input_days as (

    select * from {{ ref('int_event_days_counted') }}

),

leads as (

    select * from {{ ref('stg_leads') }}

),

fingerprint as (

    {{ scorecard_fingerprint() | indent(4) }}

),

run as (

    select
        {{ as_of_date() }} as as_of_date,
        {{ history_days() }} as history_days,
        scorecard_fingerprint,
        (select count(*) as lead_rows from leads) as lead_rows

    from fingerprint

),

final as (

    select
        input_days.event_date,
        input_days.event_count,
        run.as_of_date,
        run.history_days,
        run.scorecard_fingerprint,
        run.lead_rows

    from run
    left join input_days
        on 1 = 1

)

select * from final
