{#-
    One row per distinct event type and detail found in the events and engagement key
    (int_engagement_keys_unioned) they count for: same event type, detail LIKE the key's
    filter (case-insensitively; a null detail never matches a filter; no filter: any detail).
    Filters are evaluated here once per distinct detail, not once per event; the engagement
    state joins the events to this small table. detail_key is the detail with null as ''
    (no detail is '' once cleaned), so that the join is a plain equality on every engine.
-#}
{{ config(materialized='table') }}  {# small; read by the engagement state's big join #}

with

events as (

    select * from {{ ref('stg_lead_events') }}

),

engagement_keys as (

    select * from {{ ref('int_engagement_keys_unioned') }}

),

details as (

    select distinct
        event_type,
        event_detail

    from events
    where event_type is not null

),

final as (

    select
        details.event_type,
        coalesce(details.event_detail, '') as detail_key,
        engagement_keys.rule_key,
        engagement_keys.key_number,
        engagement_keys.scorecard_id,
        engagement_keys.rule_id,
        engagement_keys.first_event_date,
        engagement_keys.keep_count

    from details
    inner join engagement_keys
        on details.event_type = engagement_keys.event_type
    where
        engagement_keys.event_filter is null
        or {{ like_escaped('lower(details.event_detail)', 'engagement_keys.event_filter') }}

)

select * from final
