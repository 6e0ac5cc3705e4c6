{#-
    One row per lead, engagement key (int_engagement_keys_unioned: a rule or a scorecard's SQL
    trigger) and day with matches that some day of the history can count: the events that
    count (counted_events_query) of the key's event type, detail LIKE its filter
    (int_event_details_matched), on or before as_of and no older than the key's window as of
    the history's first day (every match for a key without a window). match_count: how many
    on that day. The history reads the events once, into this table; empty when
    history_days is 0. A daily run (history_run_plan) reads only the matches of the leads it
    recomputes (int_lead_history_leads_listed).
-#}
{{ config(materialized='table') }}

-- depends_on: {{ ref('int_lead_history_leads_listed') }}
-- depends_on: {{ ref('int_history_runs_planned') }}
{%- set plan = history_plan() %}

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

),

counted_events as (

    {{ counted_events_query('events', 'contested_events') | indent(4) }}

),

-- the first day a key's match can count on a day of the history
key_reach as (

    select distinct
        key_number,
        case
            when window_days is not null
                then cast({{ dbt.dateadd('day', '1 - window_days', history_first_date()) }} as date)
        end as first_match_date

    from engagement_keys

),

matches as (

    select
        counted_events.lead_id,
        details.key_number,
        counted_events.event_date

    from counted_events
    inner join details
        on
            counted_events.event_type = details.event_type
            and coalesce(counted_events.event_detail, '') = details.detail_key
    inner join key_reach
        on details.key_number = key_reach.key_number
    where
        {{ history_days() }} > 0
        {%- if plan.daily %}
        -- a daily run: only the leads whose past may have changed
        and counted_events.lead_id in (
            select listed.lead_id from {{ ref('int_lead_history_leads_listed') }} as listed
        )
        {%- endif %}
        and (
            key_reach.first_match_date is null
            or counted_events.event_date >= key_reach.first_match_date
        )

),

final as (

    select
        lead_id,
        key_number,
        event_date,
        cast(count(*) as {{ dbt.type_bigint() }}) as match_count

    from matches
    group by lead_id, key_number, event_date

)

select * from final
