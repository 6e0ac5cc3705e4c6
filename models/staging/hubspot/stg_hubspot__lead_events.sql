{#-
    The contract's lead events from HubSpot: one row per event passed on, from three
    connector tables (source_table): email_event (one per marketing email event of a live
    contact, stg_hubspot__email_events), contact_form_submission (one per form submission,
    stg_hubspot__form_submissions) and engagement (one per sales engagement and live lead it
    is associated with, stg_hubspot__engagements). event_id is '<table>:<id>', for an
    engagement '<table>:<id>:<lead_id>'; unique across the union. Rows left out are in
    stg_hubspot__rows_left_out.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized='table') }}
with

email_events as (

    select * from {{ ref('stg_hubspot__email_events') }}

),

form_submissions as (

    select * from {{ ref('stg_hubspot__form_submissions') }}

),

engagements as (

    select * from {{ ref('stg_hubspot__engagements') }}

),

engagement_leads as (

    select * from {{ ref('stg_hubspot__engagement_leads') }}

),

unioned as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail,
        'email_event' as source_table
    from email_events
    where left_out_code is null

    union all

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail,
        'contact_form_submission' as source_table
    from form_submissions
    where left_out_code is null

    union all

    select
        'engagement:' || engagements.engagement_id || ':' || engagement_leads.lead_id as event_id,
        engagement_leads.lead_id,
        engagements.event_type,
        engagements.occurred_at,
        engagements.event_detail,
        'engagement' as source_table
    from engagements
    inner join engagement_leads
        on engagements.engagement_id = engagement_leads.engagement_id
    where
        engagements.left_out_code is null
        and engagement_leads.lead_state = 'live'

),

final as (

    select * from unioned

)

select * from final
