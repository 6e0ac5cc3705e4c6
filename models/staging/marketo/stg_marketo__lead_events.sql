{#-
    The contract's lead events (SCORING.md §1) from Marketo's activity tables: one row per
    activity passed on by stg_marketo__activities (not deleted, not of a deleted lead, not a
    delete or merge record), with the shared event vocabulary (docs/crm/marketo.md).
    event_id is '<table>:<activity id>', unique across the tables; lead_id is the lead the
    activity counts for (a merged-away lead's activities count for the lead it was merged
    into); source_table is the connector table it came from (e.g. activity_open_email).
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('marketo'), materialized='table') }}
with

activities as (

    select * from {{ ref('stg_marketo__activities') }}

),

final as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail,
        source_table

    from activities
    where issue_code is null

)

select * from final
