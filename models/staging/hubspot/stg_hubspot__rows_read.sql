{#-
    One row per connector table whose rows the adapter maps, for the reconciliation
    (data_quality_reconciliation): input_rows (every row of the table, deleted ones included)
    and mapped_rows (rows passed on: contacts as leads, email events and form submissions as
    events, counted from stg_hubspot__leads and stg_hubspot__lead_events by source_table;
    engagements and deals that gave at least one event or conversion, each counted once
    however many leads it gave one to). Every row is either mapped or in
    stg_hubspot__rows_left_out. A contact that is also a conversion (its customer date) is
    counted once, as a lead. The association and detail tables (engagement_contact,
    engagement_call, email_event_click, email_event_status_change, deal_contact,
    deal_pipeline_stage, contact_merge_audit) are read for the rows of these, not counted.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized='table') }}
with

contacts as (

    select * from {{ ref('base_hubspot__contact') }}

),

email_event_rows as (

    select * from {{ ref('base_hubspot__email_event') }}

),

form_submission_rows as (

    select * from {{ ref('base_hubspot__contact_form_submission') }}

),

leads as (

    select * from {{ ref('stg_hubspot__leads') }}

),

lead_events as (

    select * from {{ ref('stg_hubspot__lead_events') }}

),

engagements as (

    select * from {{ ref('stg_hubspot__engagements') }}

),

deals as (

    select * from {{ ref('stg_hubspot__deals') }}

),

contact_count as (

    select count(*) as input_rows from contacts

),

lead_count as (

    select count(*) as mapped_rows from leads

),

email_event_count as (

    select count(*) as input_rows from email_event_rows

),

form_submission_count as (

    select count(*) as input_rows from form_submission_rows

),

event_counts as (

    select
        sum(case when source_table = 'email_event' then 1 else 0 end) as email_events,
        sum(case when source_table = 'contact_form_submission' then 1 else 0 end) as form_submissions

    from lead_events

),

counts as (

    select
        'hubspot.contact' as source_name,
        contact_count.input_rows,
        lead_count.mapped_rows
    from contact_count
    cross join lead_count

    union all

    select
        'hubspot.email_event' as source_name,
        email_event_count.input_rows,
        event_counts.email_events as mapped_rows
    from email_event_count
    cross join event_counts

    union all

    select
        'hubspot.contact_form_submission' as source_name,
        form_submission_count.input_rows,
        event_counts.form_submissions as mapped_rows
    from form_submission_count
    cross join event_counts

    union all

    select
        'hubspot.engagement' as source_name,
        count(*) as input_rows,
        sum(case when left_out_code is null then 1 else 0 end) as mapped_rows
    from engagements

    union all

    select
        'hubspot.deal' as source_name,
        count(*) as input_rows,
        sum(case when left_out_code is null then 1 else 0 end) as mapped_rows
    from deals

),

final as (

    select
        source_name,
        cast(input_rows as {{ dbt.type_bigint() }}) as input_rows,
        cast(coalesce(mapped_rows, 0) as {{ dbt.type_bigint() }}) as mapped_rows

    from counts

)

select * from final
