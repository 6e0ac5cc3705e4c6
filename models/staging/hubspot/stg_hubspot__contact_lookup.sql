{#-
    One row per contact id the connector knows (a row of `contact`, or an id merged into
    one): the lead it stands for (lead_id: itself, or the contact it was merged into) and
    that lead's state: live (a contact row not deleted), deleted (deleted in HubSpot) or
    unknown (no contact row). Every activity is attributed through here, so that the
    activities of a merged contact count for the contact it was merged into.
-#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized=crm_helper_materialized()) }}
with

contacts as (

    select * from {{ ref('base_hubspot__contact') }}

),

merged_contacts as (

    select * from {{ ref('stg_hubspot__contact_merges') }}

),

contact_states as (

    select
        contact_id,
        max(case when is_deleted then 0 else 1 end) as is_live

    from contacts
    where contact_id is not null
    group by contact_id

),

contact_ids as (

    select contact_id from contact_states

    union

    select merged_contact_id as contact_id from merged_contacts

),

resolved as (

    select
        contact_ids.contact_id,
        coalesce(merged_contacts.lead_id, contact_ids.contact_id) as lead_id,
        merged_contacts.merged_contact_id is not null as is_merged

    from contact_ids
    left join merged_contacts
        on contact_ids.contact_id = merged_contacts.merged_contact_id

),

final as (

    select
        resolved.contact_id,
        resolved.lead_id,
        resolved.is_merged,
        case
            when contact_states.contact_id is null then 'unknown'
            when contact_states.is_live = 1 then 'live'
            else 'deleted'
        end as lead_state

    from resolved
    left join contact_states
        on resolved.lead_id = contact_states.contact_id

)

select * from final
