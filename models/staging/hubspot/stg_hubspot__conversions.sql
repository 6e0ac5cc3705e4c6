{#-
    The contract's conversions from HubSpot: one row per conversion signal of a lead (the
    project takes the earliest): the date a contact became a customer
    (property_hs_lifecyclestage_customer_date; source_table contact) and the close date of
    each closed-won deal associated with it (source_table deal; stg_hubspot__deals). Only
    leads passed on (live contacts; a merged contact's deals count for the contact it was
    merged into).
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized='table') }}
with

leads as (

    select * from {{ ref('stg_hubspot__leads') }}

),

contacts as (

    select * from {{ ref('base_hubspot__contact') }}

),

deals as (

    select * from {{ ref('stg_hubspot__deals') }}

),

deal_leads as (

    select * from {{ ref('stg_hubspot__deal_leads') }}

),

unioned as (

    select
        contacts.contact_id as lead_id,
        contacts.became_customer_at as converted_at,
        'contact' as source_table
    from contacts
    inner join leads
        on contacts.contact_id = leads.lead_id
    where contacts.became_customer_at is not null

    union all

    select
        deal_leads.lead_id,
        deals.closed_at as converted_at,
        'deal' as source_table
    from deals
    inner join deal_leads
        on deals.deal_id = deal_leads.deal_id
    where
        deals.left_out_code is null
        and deal_leads.lead_state = 'live'

),

final as (

    select * from unioned

)

select * from final
