{#-
    One row per lead and scorecard for which the lead has an SQL trigger event (a hand-raise
    such as a demo request) within the scorecard's trigger window (age_days <
    sql_trigger_window_days; no window: all history), with the day of the most recent one.
-#}
with

days as (

    select * from {{ ref('int_lead_engagement_days_counted') }}
    where rule_key like 'trigger:%' and event_count > 0

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

final as (

    select
        days.lead_id,
        days.scorecard_id,
        max(days.event_date) as last_trigger_date

    from days
    inner join scorecards
        on days.scorecard_id = scorecards.scorecard_id
    where
        scorecards.sql_trigger_window_days is null
        or {{ dbt.datediff('days.event_date', as_of_date(), 'day') }}
        < scorecards.sql_trigger_window_days
    group by days.lead_id, days.scorecard_id

)

select * from final
