{#-
    One row per Salesforce activity passed on as a lead event (the contract's lead_events,
    SCORING.md §1): the `mapped` rows of stg_salesforce__activities (tasks, calendar events,
    responded campaign members). event_id is the connector table and the row's id
    ('task:00T...'), unique across the tables; source_table is the connector table
    (reconciliation), source_key its row's id and campaign_id the member's campaign.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized='table') }}
with

activities as (

    select * from {{ ref('stg_salesforce__activities') }}
    where row_status = 'mapped'

),

final as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail,
        source_table,
        source_key,
        campaign_id

    from activities

)

select * from final
