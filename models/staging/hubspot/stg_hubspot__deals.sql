{#-
    One row per row of the connector's deal table, with what becomes of it: a closed-won deal
    (its stage is closed won in deal_pipeline_stage) with a close date is a conversion of
    each live lead associated with it (stg_hubspot__deal_leads), on its close date. The others
    are left out, with left_out_code / left_out_description: deleted, not (yet) won
    (not_closed_won, naming the stage), won without a close date, or of no live contact.
-#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized=crm_helper_materialized()) }}
with

deals as (

    select * from {{ ref('base_hubspot__deal') }}

),

stages as (

    select * from {{ ref('base_hubspot__deal_pipeline_stage') }}

),

deal_leads as (

    select * from {{ ref('stg_hubspot__deal_leads') }}

),

stage_kinds as (

    select
        stage_id,
        min(stage_label) as stage_label,
        max(case when is_closed_won then 1 else 0 end) as is_closed_won

    from stages
    group by stage_id

),

lead_counts as (

    select
        deal_id,
        sum(case when lead_state = 'live' then 1 else 0 end) as live_leads,
        sum(case when lead_state = 'deleted' then 1 else 0 end) as deleted_leads

    from deal_leads
    group by deal_id

),

classified as (

    select
        deals.deal_id,
        deals.stage_id,
        coalesce(stage_kinds.stage_label, deals.stage_id) as stage_name,
        deals.closed_at,
        case
            when deals.is_deleted then 'deleted_in_crm'
            when coalesce(stage_kinds.is_closed_won, 0) = 0 then 'not_closed_won'
            when deals.closed_at is null then 'missing_close_date'
            when coalesce(lead_counts.live_leads, 0) > 0 then null
            when coalesce(lead_counts.deleted_leads, 0) > 0 then 'lead_deleted_in_crm'
            else 'no_lead'
        end as left_out_code

    from deals
    left join stage_kinds
        on deals.stage_id = stage_kinds.stage_id
    left join lead_counts
        on deals.deal_id = lead_counts.deal_id

),

final as (

    select
        deal_id,
        closed_at,
        left_out_code,
        case left_out_code
            when 'deleted_in_crm'
                then 'the deal ' || {{ quoted_text('deal_id') }} || ' was deleted in HubSpot'
            when 'not_closed_won'
                then 'the deal ' || {{ quoted_text('deal_id') }} || ' is in the stage '
                    || {{ quoted_text('stage_name') }} || ', not a closed-won stage: no conversion'
            when 'missing_close_date'
                then 'the deal ' || {{ quoted_text('deal_id') }}
                    || ' is closed won but has no close date: no conversion'
            when 'lead_deleted_in_crm'
                then 'the closed-won deal ' || {{ quoted_text('deal_id') }}
                    || ' is associated only with contacts deleted in HubSpot'
            when 'no_lead'
                then 'the closed-won deal ' || {{ quoted_text('deal_id') }}
                    || ' is associated with no HubSpot contact'
        end as left_out_description

    from classified

)

select * from final
