{#-
    One row per row of the connector's lead and contact tables: which person (lead_id of
    the contract) the record is, and its fate (record_status). A lead and a contact are one
    person when the lead was converted into the contact (lead.converted_contact_id): the
    person's lead_id is the lead's id (it was scored first, so its history goes on) and the
    contact's activities count for it. A contact that several leads were converted into is
    the person of the earliest of them (created_date, then id); the later ones are
    `converted_into_same_contact`. record_status: `scored` (the record is the person's:
    an unconverted lead, a converted lead, a contact no lead was converted into),
    `converted_from_lead` (a contact that is a converted lead's person), or left out:
    `converted_into_same_contact`, `merged_into_other` (deleted by a merge, master_record_id
    naming the survivor), `deleted_in_crm`, `not_current_version` (a past version kept by
    Fivetran's history mode). lead_id is the person the record's activities and conversions
    count for: its own person, or for a merged-away record its survivor's (one merge
    hop); null for a deleted record and a past version. Lead ids (00Q) and contact ids
    (003) never collide.
-#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized=crm_helper_materialized()) }}

with

leads as (

    select * from {{ ref('base_salesforce__lead') }}

),

contacts as (

    select * from {{ ref('base_salesforce__contact') }}

),

live_contacts as (

    select contact_id from contacts
    where is_current and not is_deleted

),

-- live leads converted into a live contact, ranked by age within that contact
converted_leads as (

    select
        lead_id,
        converted_contact_id,
        row_number() over (
            partition by converted_contact_id
            order by case when created_date is null then 1 else 0 end, created_date, lead_id
        ) as lead_rank

    from leads
    where
        is_current
        and not is_deleted
        and converted_contact_id in (select live_contacts.contact_id from live_contacts)

),

first_converted_leads as (

    select
        converted_contact_id,
        lead_id

    from converted_leads
    where lead_rank = 1

),

lead_records as (

    select
        leads.lead_id as record_id,
        'lead' as record_table,
        leads.master_record_id,
        leads.is_current,
        leads.is_deleted,
        coalesce(first_converted_leads.lead_id, leads.lead_id) as own_lead_id,
        case
            when not leads.is_current then 'not_current_version'
            when leads.is_deleted and leads.master_record_id is not null then 'merged_into_other'
            when leads.is_deleted then 'deleted_in_crm'
            when first_converted_leads.lead_id <> leads.lead_id then 'converted_into_same_contact'
            else 'scored'
        end as record_status,
        converted_leads.converted_contact_id

    from leads
    left join converted_leads
        on
            leads.lead_id = converted_leads.lead_id
            and leads.is_current
    left join first_converted_leads
        on converted_leads.converted_contact_id = first_converted_leads.converted_contact_id

),

contact_records as (

    select
        contacts.contact_id as record_id,
        'contact' as record_table,
        contacts.master_record_id,
        contacts.is_current,
        contacts.is_deleted,
        coalesce(first_converted_leads.lead_id, contacts.contact_id) as own_lead_id,
        case
            when not contacts.is_current then 'not_current_version'
            when contacts.is_deleted and contacts.master_record_id is not null then 'merged_into_other'
            when contacts.is_deleted then 'deleted_in_crm'
            when first_converted_leads.lead_id is not null then 'converted_from_lead'
            else 'scored'
        end as record_status,
        cast(null as {{ dbt.type_string() }}) as converted_contact_id

    from contacts
    left join first_converted_leads
        on
            contacts.contact_id = first_converted_leads.converted_contact_id
            and contacts.is_current
            and not contacts.is_deleted

),

records as (

    select * from lead_records
    union all
    select * from contact_records

),

live_records as (

    select
        record_id,
        own_lead_id

    from records
    where record_status in ('scored', 'converted_from_lead', 'converted_into_same_contact')

),

final as (

    select
        records.record_id,
        records.record_table,
        records.record_status,
        records.master_record_id,
        records.converted_contact_id,
        case
            when records.record_status = 'merged_into_other' then survivors.own_lead_id
            when records.record_status in ('deleted_in_crm', 'not_current_version') then null
            else records.own_lead_id
        end as lead_id

    from records
    left join live_records as survivors
        on
            records.master_record_id = survivors.record_id
            and records.record_status = 'merged_into_other'

)

select * from final
