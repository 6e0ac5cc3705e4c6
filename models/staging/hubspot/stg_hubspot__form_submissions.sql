{#-
    One row per row of the connector's contact_form_submission table, with what becomes of
    it: the lead (its contact, or the contact that one was merged into), the contract's event
    (event_id 'contact_form_submission:<conversion_id>', form_submit, detail: the page's title
    (by default the form's name) and URL, 'Request a demo https://example.com/demo'), and
    left_out_code / left_out_description when it is not passed on: a contact that is not
    known (no_lead) or deleted (lead_deleted_in_crm), or a second copy of one submission
    (HubSpot copies a merged contact's submissions to the contact it is merged into: the
    copy on that contact is kept, merged_duplicate).
-#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized=crm_helper_materialized()) }}
with

submissions as (

    select * from {{ ref('base_hubspot__contact_form_submission') }}

),

lookup as (

    select * from {{ ref('stg_hubspot__contact_lookup') }}

),

attributed as (

    select
        submissions.conversion_id,
        submissions.contact_id,
        lookup.lead_id,
        submissions.submitted_at,
        nullif(trim(coalesce(submissions.page_title, '') || ' ' || coalesce(submissions.page_url, '')), '')
            as event_detail,
        case
            when lookup.lead_id is null then 'no_lead'
            when lookup.lead_state <> 'live' then 'lead_deleted_in_crm'
        end as lead_problem

    from submissions
    left join lookup
        on submissions.contact_id = lookup.contact_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by conversion_id, case when lead_problem is null then 0 else 1 end
            order by case when contact_id = lead_id then 0 else 1 end, contact_id
        ) as copy_number

    from attributed

),

final as (

    select
        conversion_id,
        'contact_form_submission:' || conversion_id as event_id,
        lead_id,
        'form_submit' as event_type,
        submitted_at as occurred_at,
        event_detail,
        case
            when lead_problem is not null then lead_problem
            when conversion_id is not null and copy_number > 1 then 'merged_duplicate'
        end as left_out_code,
        case
            when lead_problem = 'no_lead'
                then 'the form submission ' || {{ quoted_text('conversion_id') }} || ' is of the contact '
                    || {{ quoted_text('contact_id') }} || ', which is not in the contact table'
            when lead_problem = 'lead_deleted_in_crm'
                then 'the contact ' || {{ quoted_text('lead_id') }} || ' of the form submission '
                    || {{ quoted_text('conversion_id') }} || ' was deleted in HubSpot'
            when conversion_id is not null and copy_number > 1
                then 'the form submission ' || {{ quoted_text('conversion_id') }} || ' of the contact '
                    || {{ quoted_text('contact_id') }} || ' is also on the contact ' || {{ quoted_text('lead_id') }}
                    || ' it was merged into: counted once'
        end as left_out_description

    from ranked

)

select * from final
