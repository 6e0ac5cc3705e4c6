{#-
    One row per evaluated cut-off, lead and active engagement rule with matches that count on
    the cut-off (SCORING.md §3 with as_of = the cut-off): the lead's events that count
    (counted_events_query) of the rule's event type, detail LIKE its filter
    (int_event_details_matched), on or before the cut-off and, for a rule with a window,
    younger than window_days on it. matches: how many. int_evaluation_lead_rules_listed reads
    from it which engagement rules a lead's breakdown had on each cut-off.
-#}
{{ config(materialized='table') }}

with

events as (

    select * from {{ ref('stg_lead_events') }}

),

contested_events as (

    select * from {{ ref('int_lead_events_contested') }}

),

details as (

    select * from {{ ref('int_event_details_matched') }}

),

engagement_keys as (

    select * from {{ ref('int_engagement_keys_unioned') }}
    where rule_id is not null

),

cutoffs as (

    select * from {{ ref('int_evaluation_cutoffs_listed') }}
    where evaluation_status = 'evaluated'

),

counted_events as (

    {{ counted_events_query('events', 'contested_events') | indent(4) }}

),

-- a rule's matches of a lead on one day, counted once for all the cut-offs
daily_matches as (

    select
        counted_events.lead_id,
        engagement_keys.rule_id,
        engagement_keys.window_days,
        counted_events.event_date,
        count(*) as match_count

    from counted_events
    inner join details
        on
            counted_events.event_type = details.event_type
            and coalesce(counted_events.event_detail, '') = details.detail_key
    inner join engagement_keys
        on details.key_number = engagement_keys.key_number
    where counted_events.event_date <= (select max(cutoffs.cutoff_on) as last_cutoff_on from cutoffs)
    group by
        counted_events.lead_id,
        engagement_keys.rule_id,
        engagement_keys.window_days,
        counted_events.event_date

),

windowed as (

    select
        cutoffs.cutoff_on,
        daily_matches.lead_id,
        daily_matches.rule_id,
        daily_matches.match_count

    from daily_matches
    inner join cutoffs
        on
            daily_matches.event_date <= cutoffs.cutoff_on
            and (
                daily_matches.window_days is null
                or daily_matches.event_date
                >= cast({{ dbt.dateadd('day', '1 - daily_matches.window_days', 'cutoffs.cutoff_on') }} as date)
            )

),

final as (

    select
        cutoff_on,
        lead_id,
        rule_id,
        cast(sum(match_count) as {{ dbt.type_bigint() }}) as matches

    from windowed
    group by cutoff_on, lead_id, rule_id

)

select * from final
