{#-
    One row per Marketo lead deleted in Marketo: a row of activity_delete_lead names it, or
    its lead row has _fivetran_deleted = true. deleted_at: the earliest deletion activity (or
    the lead's updated_at for a _fivetran_deleted row without one); deleted_by: how it is
    known (activity_delete_lead or _fivetran_deleted). Its lead row and its activities are
    left out (stg_marketo__rows_left_out).
-#}
{{ config(enabled=is_crm_enabled('marketo'), materialized=crm_helper_materialized()) }}
with

deletions as (

    select * from {{ ref('base_marketo__activity_delete_lead') }}
    where not is_deleted

),

leads as (

    select * from {{ ref('base_marketo__lead') }}

),

signals as (

    select
        lead_id,
        activity_at as deleted_at,
        'activity_delete_lead' as deleted_by

    from deletions
    where lead_id is not null

    union all

    select
        lead_id,
        updated_at as deleted_at,
        '_fivetran_deleted' as deleted_by

    from leads
    where is_deleted and lead_id is not null

),

final as (

    select
        lead_id,
        coalesce(
            min(case when deleted_by = 'activity_delete_lead' then deleted_at end),
            min(deleted_at)
        ) as deleted_at,
        -- 'activity_delete_lead' sorts first
        min(deleted_by) as deleted_by

    from signals
    group by lead_id

)

select * from final
