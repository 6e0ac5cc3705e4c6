{#-
    One row per link between an opportunity and a person (lead_id of the contract): the
    lead converted with the opportunity (lead.converted_opportunity_id), the opportunity's
    own contact (opportunity.contact_id, API 46+), and each row of the optional
    opportunity_contact_role table. A role row is always here (its fate in row_status); a
    lead's or an opportunity's link only when it names an opportunity. row_status: `mapped`
    (a live link to a person), or `not_current_version`, `deleted_in_crm`, `no_lead` (the
    contact is no known record), `lead_deleted` (the contact is deleted, not merged).
    Links go through stg_salesforce__people: a converted lead's contact counts for the
    lead, a merged-away contact for its survivor.
-#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized=crm_helper_materialized()) }}

with

people as (

    select * from {{ ref('stg_salesforce__people') }}
    where record_status <> 'not_current_version'

),

leads as (

    select * from {{ ref('base_salesforce__lead') }}

),

opportunities as (

    select * from {{ ref('base_salesforce__opportunity') }}

),

roles as (

    select * from {{ ref('base_salesforce__opportunity_contact_role') }}

),

lead_links as (

    select
        'lead' as link_table,
        leads.lead_id as link_id,
        leads.converted_opportunity_id as opportunity_id,
        leads.lead_id as record_id,
        people.record_id as known_record_id,
        people.lead_id as person_lead_id,
        leads.is_current,
        leads.is_deleted

    from leads
    left join people
        on leads.lead_id = people.record_id
    where leads.converted_opportunity_id is not null

),

opportunity_links as (

    select
        'opportunity' as link_table,
        opportunities.opportunity_id as link_id,
        opportunities.opportunity_id,
        opportunities.contact_id as record_id,
        people.record_id as known_record_id,
        people.lead_id as person_lead_id,
        opportunities.is_current,
        opportunities.is_deleted

    from opportunities
    left join people
        on opportunities.contact_id = people.record_id
    where opportunities.contact_id is not null

),

role_links as (

    select
        'opportunity_contact_role' as link_table,
        roles.opportunity_contact_role_id as link_id,
        roles.opportunity_id,
        roles.contact_id as record_id,
        people.record_id as known_record_id,
        people.lead_id as person_lead_id,
        roles.is_current,
        roles.is_deleted

    from roles
    left join people
        on roles.contact_id = people.record_id

),

links as (

    select * from lead_links
    union all
    select * from opportunity_links
    union all
    select * from role_links

),

final as (

    select
        link_table,
        link_id,
        opportunity_id,
        record_id,
        person_lead_id as lead_id,
        case
            when not is_current then 'not_current_version'
            when is_deleted then 'deleted_in_crm'
            when record_id is null or known_record_id is null then 'no_lead'
            when person_lead_id is null then 'lead_deleted'
            else 'mapped'
        end as row_status

    from links

)

select * from final
