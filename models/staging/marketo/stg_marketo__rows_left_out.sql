{#-
    One row per row of a Marketo connector table that the adapter does not pass on, with the
    reason (unioned into data_quality_issues as '<crm>.<table>' rows): lead rows of deleted
    leads (deleted_in_crm) and of leads merged into another (merged_into_other), and the
    activities stg_marketo__activities leaves out (deleted_in_crm, lead_deleted_in_crm,
    not_an_activity). Rows of the program table are read for their names only: never passed
    on, they are not listed (stg_marketo__rows_read does not count that table).
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('marketo'), materialized='table') }}
with

leads as (

    select * from {{ ref('base_marketo__lead') }}

),

lead_merges as (

    select * from {{ ref('stg_marketo__lead_merges') }}

),

deleted_leads as (

    select * from {{ ref('stg_marketo__deleted_leads') }}

),

activities as (

    select * from {{ ref('stg_marketo__activities') }}

),

lead_rows as (

    select
        'marketo.lead' as source_name,
        leads.lead_id as source_key,
        leads.lead_id,
        case
            when deleted_leads.lead_id is not null then 'deleted_in_crm'
            else 'merged_into_other'
        end as issue_code,
        case
            when deleted_leads.lead_id is not null
                then 'Marketo lead ' || leads.lead_id || ' was deleted in Marketo ('
                    || deleted_leads.deleted_by
                    || coalesce(' on ' || cast(cast(deleted_leads.deleted_at as date) as {{ dbt.type_string() }}), '')
                    || '): not scored'
            else 'Marketo lead ' || leads.lead_id || ' was merged into lead ' || lead_merges.direct_winner_lead_id
                || coalesce(' on ' || cast(cast(lead_merges.merged_at as date) as {{ dbt.type_string() }}), '')
                || case
                    when lead_merges.winner_lead_id != lead_merges.direct_winner_lead_id
                        then ', itself merged into lead ' || lead_merges.winner_lead_id || ' later'
                    else ''
                end
                || ': its activities count for lead ' || lead_merges.winner_lead_id
        end as issue_description

    from leads
    left join lead_merges
        on leads.lead_id = lead_merges.lead_id
    left join deleted_leads
        on leads.lead_id = deleted_leads.lead_id
    where
        lead_merges.lead_id is not null
        or deleted_leads.lead_id is not null

),

activity_rows as (

    select
        'marketo.' || source_table as source_name,
        activity_id as source_key,
        lead_id,
        issue_code,
        issue_description

    from activities
    where issue_code is not null

),

final as (

    select * from lead_rows
    union all
    select * from activity_rows

)

select * from final
