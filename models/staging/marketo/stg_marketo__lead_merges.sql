{#-
    One row per Marketo lead merged away into another (a merge's loser), from
    activity_merge_leads: lead_id there is the lead kept, merge_ids ('[105]' or '[105,106]')
    the leads merged into it. A loser's lead row is left out of stg_marketo__leads and its
    activities count for the lead it was merged into. Merges can chain (107 merged into 105,
    later 105 into 102): winner_lead_id follows the chain up to three merges deep (107 -> 102);
    direct_winner_lead_id is the lead of the loser's own merge. A lead merged away twice (it
    should not happen) takes its latest merge.
-#}
{{ config(enabled=is_crm_enabled('marketo'), materialized=crm_helper_materialized()) }}
with

merge_records as (

    select * from {{ ref('base_marketo__activity_merge_leads') }}
    where not is_deleted

),

losers as (

    select
        activity_id as merge_activity_id,
        lead_id as winner_lead_id,
        activity_at as merged_at,
        {{ unnest_list(
            "replace(replace(replace(replace(merge_ids, '[', ''), ']', ''), ' ', ''), ',', '|')"
        ) }} as loser_lead_id

    from merge_records

),

latest_merge as (

    select
        loser_lead_id,
        winner_lead_id,
        merged_at,
        merge_activity_id,
        row_number() over (
            partition by loser_lead_id
            order by merged_at desc, merge_activity_id desc
        ) as merge_rank

    from losers
    where
        loser_lead_id is not null
        and loser_lead_id != ''
        and winner_lead_id is not null
        and loser_lead_id != winner_lead_id

),

direct_merges as (

    select
        loser_lead_id,
        winner_lead_id,
        merged_at,
        merge_activity_id

    from latest_merge
    where merge_rank = 1

),

-- the lead a loser ends in: its winner, that winner's winner, and one more
resolved as (

    select
        direct_merges.loser_lead_id as lead_id,
        direct_merges.winner_lead_id as direct_winner_lead_id,
        coalesce(
            third_merge.winner_lead_id,
            second_merge.winner_lead_id,
            direct_merges.winner_lead_id
        ) as chained_winner_lead_id,
        direct_merges.merged_at,
        direct_merges.merge_activity_id

    from direct_merges
    left join direct_merges as second_merge
        on direct_merges.winner_lead_id = second_merge.loser_lead_id
    left join direct_merges as third_merge
        on second_merge.winner_lead_id = third_merge.loser_lead_id

),

final as (

    select
        lead_id,
        -- a cycle (a lead that ends in itself) keeps its own merge's winner
        case
            when chained_winner_lead_id = lead_id then direct_winner_lead_id
            else chained_winner_lead_id
        end as winner_lead_id,
        direct_winner_lead_id,
        merged_at,
        merge_activity_id

    from resolved

)

select * from final
