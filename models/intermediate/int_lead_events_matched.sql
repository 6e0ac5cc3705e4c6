{#-
    One row per event and engagement rule it matches: same event_type, event_detail like the
    rule's event_filter (case-insensitive; no filter matches all), and within the rule's window
    (age_days < window_days; no window: all history). An event may match several rules.
    occurrence_rank numbers a lead's matches of one rule from the most recent (ties: the
    larger event_id first), so that `max_count` keeps the most recent ones.
-#}
with

events as (

    select * from {{ ref('int_lead_events_classified') }}
    where row_status = 'scored'

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

matched as (

    select
        events.lead_id,
        events.event_id,
        events.occurred_at,
        events.event_date,
        events.age_days,
        rules.scorecard_id,
        rules.rule_id

    from events
    inner join rules
        on events.event_type = rules.event_type
    where
        (rules.event_filter is null or lower(events.event_detail) like rules.event_filter)
        and (rules.window_days is null or events.age_days < rules.window_days)

),

final as (

    select
        *,
        row_number() over (
            partition by lead_id, rule_id
            order by occurred_at desc, event_id desc
        ) as occurrence_rank

    from matched

)

select * from final
