{#-
    One row per lead and scorecard for which the lead has an SQL trigger event (a hand-raise
    such as a demo request) within the scorecard's trigger window (age_days <
    sql_trigger_window_days; no window: all history), with the most recent one.
-#}
with

events as (

    select * from {{ ref('int_lead_events_classified') }}
    where row_status = 'scored'

),

trigger_types as (

    select * from {{ ref('int_scorecard_trigger_types_unnested') }}

),

final as (

    select
        events.lead_id,
        trigger_types.scorecard_id,
        max(events.occurred_at) as last_trigger_at

    from events
    inner join trigger_types
        on events.event_type = trigger_types.event_type
    where
        trigger_types.sql_trigger_window_days is null
        or events.age_days < trigger_types.sql_trigger_window_days
    group by events.lead_id, trigger_types.scorecard_id

)

select * from final
