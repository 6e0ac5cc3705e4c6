{#-
    One row per event of a scored lead on or before the scoring date, with its event_date and
    age_days (whole days before as_of; 0 on the as_of day). Later events are ignored, and
    events of leads that are not scored (unknown, or created after as_of) are left out.
-#}
with

events as (

    select * from {{ ref('int_lead_events_deduplicated') }}

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

dated as (

    select
        events.event_id,
        events.lead_id,
        events.event_type,
        events.occurred_at,
        events.event_detail,
        cast(events.occurred_at as date) as event_date

    from events
    inner join leads
        on events.lead_id = leads.lead_id

),

final as (

    select
        *,
        {{ dbt.datediff('event_date', as_of_date(), 'day') }}
            as age_days

    from dated
    where event_date <= {{ as_of_date() }}

)

select * from final
