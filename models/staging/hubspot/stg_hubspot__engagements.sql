{#-
    One row per row of the connector's engagement table, with what becomes of it: its event
    type, time and detail, and left_out_code / left_out_description when it is passed on to
    no lead. Types: CALL by its outcome (hubspot_call_event_type: connected call,
    unanswered call_unanswered, ...; detail: the outcome), MEETING meeting, EMAIL
    sales_email (a logged sales email), any other type hubspot_<type> (INCOMING_EMAIL
    hubspot_incoming_email, ...). NOTE and TASK are a rep's notes and to-dos, not activities
    of the lead: left out (not_an_activity). Also left out: deleted (the engagement or its
    call), inactive (no longer shown by HubSpot), associated with no live contact. The time
    is the engagement's timestamp, else the call's (v3 API), else its creation. An
    engagement becomes one event per live lead it is associated with
    (stg_hubspot__engagement_leads).
-#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized=crm_helper_materialized()) }}
with

engagements as (

    select * from {{ ref('base_hubspot__engagement') }}

),

calls as (

    select * from {{ ref('base_hubspot__engagement_call') }}

),

engagement_leads as (

    select * from {{ ref('stg_hubspot__engagement_leads') }}

),

call_outcomes as (

    select
        engagement_id,
        max(disposition) as disposition,
        max(call_status) as call_status,
        max(occurred_at) as occurred_at,
        max(case when is_deleted then 1 else 0 end) as is_deleted

    from calls
    group by engagement_id

),

lead_counts as (

    select
        engagement_id,
        sum(case when lead_state = 'live' then 1 else 0 end) as live_leads,
        sum(case when lead_state = 'deleted' then 1 else 0 end) as deleted_leads

    from engagement_leads
    group by engagement_id

),

classified as (

    select
        engagements.engagement_id,
        engagements.engagement_type,
        case engagements.engagement_type
            when 'CALL' then {{ hubspot_call_event_type('call_outcomes.disposition', 'call_outcomes.call_status') }}
            when 'MEETING' then 'meeting'
            when 'EMAIL' then 'sales_email'
            else 'hubspot_' || lower(replace(engagements.engagement_type, ' ', '_'))
        end as event_type,
        coalesce(engagements.occurred_at, call_outcomes.occurred_at, engagements.created_at) as occurred_at,
        case
            when engagements.engagement_type = 'CALL'
                then {{ hubspot_call_outcome('call_outcomes.disposition', 'call_outcomes.call_status') }}
        end as event_detail,
        case
            when engagements.is_deleted or coalesce(call_outcomes.is_deleted, 0) = 1 then 'deleted_in_crm'
            when not engagements.is_active then 'inactive_in_crm'
            when engagements.engagement_type in ('NOTE', 'TASK') then 'not_an_activity'
            when coalesce(lead_counts.live_leads, 0) > 0 then null
            when coalesce(lead_counts.deleted_leads, 0) > 0 then 'lead_deleted_in_crm'
            else 'no_lead'
        end as left_out_code

    from engagements
    left join call_outcomes
        on engagements.engagement_id = call_outcomes.engagement_id
    left join lead_counts
        on engagements.engagement_id = lead_counts.engagement_id

),

final as (

    select
        engagement_id,
        event_type,
        occurred_at,
        event_detail,
        left_out_code,
        case left_out_code
            when 'deleted_in_crm'
                then 'the ' || lower(coalesce(engagement_type, '')) || ' ' || {{ quoted_text('engagement_id') }}
                    || ' was deleted in HubSpot'
            when 'inactive_in_crm'
                then 'the ' || lower(coalesce(engagement_type, '')) || ' ' || {{ quoted_text('engagement_id') }}
                    || ' is no longer shown in HubSpot (inactive)'
            when 'not_an_activity'
                then 'the ' || lower(coalesce(engagement_type, '')) || ' ' || {{ quoted_text('engagement_id') }}
                    || ' is written by a sales rep, not an activity of the lead'
            when 'lead_deleted_in_crm'
                then 'the ' || lower(coalesce(engagement_type, '')) || ' ' || {{ quoted_text('engagement_id') }}
                    || ' is associated only with contacts deleted in HubSpot'
            when 'no_lead'
                then 'the ' || lower(coalesce(engagement_type, '')) || ' ' || {{ quoted_text('engagement_id') }}
                    || ' is associated with no HubSpot contact'
        end as left_out_description

    from classified

)

select * from final
