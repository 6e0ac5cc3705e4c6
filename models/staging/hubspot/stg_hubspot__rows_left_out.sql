{#-
    One row per connector-table row the adapter does not pass on, for the data-quality ledger
    (data_quality_issues, is_row_left_out): source_name 'hubspot.<table>', source_key (the
    row's id), lead_id (the lead it concerns, when one is known), issue_code and a sentence
    for a marketer. Contacts deleted (deleted_in_crm) or merged into another
    (merged_into_other); email events, form submissions, engagements and deals as classified
    by stg_hubspot__email_events, stg_hubspot__form_submissions, stg_hubspot__engagements and
    stg_hubspot__deals.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized='table') }}
with

contacts as (

    select * from {{ ref('base_hubspot__contact') }}

),

lookup as (

    select * from {{ ref('stg_hubspot__contact_lookup') }}

),

email_events as (

    select * from {{ ref('stg_hubspot__email_events') }}

),

form_submissions as (

    select * from {{ ref('stg_hubspot__form_submissions') }}

),

engagements as (

    select * from {{ ref('stg_hubspot__engagements') }}

),

deals as (

    select * from {{ ref('stg_hubspot__deals') }}

),

contact_rows as (

    select
        contacts.contact_id,
        case when coalesce(lookup.is_merged, false) then lookup.lead_id else contacts.contact_id end as lead_id,
        case
            when coalesce(lookup.is_merged, false) then 'merged_into_other'
            when contacts.is_deleted then 'deleted_in_crm'
        end as issue_code

    from contacts
    left join lookup
        on contacts.contact_id = lookup.contact_id

),

unioned as (

    select
        'hubspot.contact' as source_name,
        contact_id as source_key,
        lead_id,
        issue_code,
        case issue_code
            when 'merged_into_other'
                then 'the contact ' || {{ quoted_text('contact_id') }} || ' was merged into the contact '
                    || {{ quoted_text('lead_id') }} || ' in HubSpot: its activities count for that one'
            else 'the contact ' || {{ quoted_text('contact_id') }} || ' was deleted in HubSpot'
        end as issue_description
    from contact_rows
    where issue_code is not null

    union all

    select
        'hubspot.email_event' as source_name,
        email_event_id as source_key,
        lead_id,
        left_out_code as issue_code,
        left_out_description as issue_description
    from email_events
    where left_out_code is not null

    union all

    select
        'hubspot.contact_form_submission' as source_name,
        conversion_id as source_key,
        lead_id,
        left_out_code as issue_code,
        left_out_description as issue_description
    from form_submissions
    where left_out_code is not null

    union all

    select
        'hubspot.engagement' as source_name,
        engagement_id as source_key,
        cast(null as {{ dbt.type_string() }}) as lead_id,
        left_out_code as issue_code,
        left_out_description as issue_description
    from engagements
    where left_out_code is not null

    union all

    select
        'hubspot.deal' as source_name,
        deal_id as source_key,
        cast(null as {{ dbt.type_string() }}) as lead_id,
        left_out_code as issue_code,
        left_out_description as issue_description
    from deals
    where left_out_code is not null

),

final as (

    select * from unioned

)

select * from final
