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

engagement_keys as (

    select * from {{ ref('int_engagement_keys_unioned') }}

),

-- each active scorecard's trigger key with the first day of its window
trigger_windows as (

    select distinct
        rule_key,
        scorecard_id,
        first_event_date

    from engagement_keys
    where rule_id is null

),

latest as (

    select
        state.lead_id,
        state.scorecard_id,
        {{ date_list_latest('state.event_dates', 'trigger_windows.first_event_date') }} as last_trigger_date

    from state
    inner join trigger_windows
        on state.rule_key = trigger_windows.rule_key

),

final as (

    select * from latest
    where last_trigger_date is not null

)

select * from final
