{#-
    One row per engagement and lead it is associated with (engagement_contact, each contact
    read through stg_hubspot__contact_lookup: a merged contact's engagement belongs to the
    contact it was merged into, and two associations that end on one lead are one row), with
    that lead's state (live, deleted, unknown; lead_id null for a contact of no contact row).
-#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized=crm_helper_materialized()) }}
with

associations as (

    select * from {{ ref('base_hubspot__engagement_contact') }}

),

lookup as (

    select * from {{ ref('stg_hubspot__contact_lookup') }}

),

final as (

    select distinct
        associations.engagement_id,
        lookup.lead_id,
        coalesce(lookup.lead_state, 'unknown') as lead_state

    from associations
    left join lookup
        on associations.contact_id = lookup.contact_id
    where associations.engagement_id is not null

)

select * from final
