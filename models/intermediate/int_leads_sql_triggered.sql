{#-
    One row per lead and scorecard for which the lead has an SQL trigger event (a hand-raise
    such as a demo request) within the scorecard's trigger window (age_days <
    sql_trigger_window_days; no window: all history), with the day of the most recent one.
-#}
with

state as (

    select * from {{ ref('int_lead_engagement_dates_listed') }}
    where rule_key like 'trigger:%'

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

trigger_windows as (

    select
        scorecard_id,
        cast({{ dbt.dateadd('day', '1 - sql_trigger_window_days', as_of_date()) }} as date) as first_event_date

    from scorecards

),

latest as (

    select
        state.lead_id,
        state.scorecard_id,
        {{ date_list_latest('state.event_dates', 'trigger_windows.first_event_date') }} as last_trigger_date

    from state
    inner join trigger_windows
        on state.scorecard_id = trigger_windows.scorecard_id

),

final as (

    select * from latest
    where last_trigger_date is not null

)

select * from final
