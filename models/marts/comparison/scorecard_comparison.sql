{#-
    One row per scorecard that names a baseline (baseline_scorecard_id): what scoring with it
    instead of its baseline changes, as of the scoring date (leads changing tier, MQLs and
    SQLs gained and lost), and the pooled evaluation figures of both side by side (null when
    the evaluation has no pooled row: no history or no cut-off evaluated).
-#}
with

scores as (

    select * from {{ ref('lead_scores') }}

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

evaluation as (

    select * from {{ ref('scorecard_evaluation') }}
    where is_pooled

),

paired as (

    select
        scorecards.scorecard_id,
        scored.is_mql,
        scored.is_sql,
        scored.total_score,
        {{ tier_rank('scored.tier') }} as tier_rank,
        baseline.is_mql as baseline_is_mql,
        baseline.is_sql as baseline_is_sql,
        baseline.total_score as baseline_total_score,
        {{ tier_rank('baseline.tier') }} as baseline_tier_rank
    from scorecards
    inner join scores as scored
        on scorecards.scorecard_id = scored.scorecard_id
    inner join scores as baseline
        on
            scorecards.baseline_scorecard_id = baseline.scorecard_id
            and scored.lead_id = baseline.lead_id

),

summed as (

    select
        scorecard_id,
        count(*) as leads,
        count(case when tier_rank < baseline_tier_rank then 1 end) as leads_up_tier,
        count(case when tier_rank > baseline_tier_rank then 1 end) as leads_down_tier,
        count(case when total_score <> baseline_total_score then 1 end) as leads_changing_score,
        count(case when is_mql then 1 end) as mql_leads,
        count(case when baseline_is_mql then 1 end) as baseline_mql_leads,
        count(case when is_mql and not baseline_is_mql then 1 end) as mqls_gained,
        count(case when baseline_is_mql and not is_mql then 1 end) as mqls_lost,
        count(case when is_sql then 1 end) as sql_leads,
        count(case when baseline_is_sql then 1 end) as baseline_sql_leads,
        count(case when is_sql and not baseline_is_sql then 1 end) as sqls_gained,
        count(case when baseline_is_sql and not is_sql then 1 end) as sqls_lost
    from paired
    group by scorecard_id

),

final as (

    select
        scorecards.scorecard_id,
        scorecards.baseline_scorecard_id,
        {{ as_of_date() }} as as_of_date,
        coalesce(summed.leads, 0) as leads,
        coalesce(summed.leads_up_tier, 0) + coalesce(summed.leads_down_tier, 0)
            as leads_changing_tier,
        coalesce(summed.leads_up_tier, 0) as leads_up_tier,
        coalesce(summed.leads_down_tier, 0) as leads_down_tier,
        coalesce(summed.leads_changing_score, 0) as leads_changing_score,
        coalesce(summed.mql_leads, 0) as mql_leads,
        coalesce(summed.baseline_mql_leads, 0) as baseline_mql_leads,
        coalesce(summed.mqls_gained, 0) as mqls_gained,
        coalesce(summed.mqls_lost, 0) as mqls_lost,
        coalesce(summed.sql_leads, 0) as sql_leads,
        coalesce(summed.baseline_sql_leads, 0) as baseline_sql_leads,
        coalesce(summed.sqls_gained, 0) as sqls_gained,
        coalesce(summed.sqls_lost, 0) as sqls_lost,
        evaluated.auc,
        baseline_evaluated.auc as baseline_auc,
        evaluated.ks,
        baseline_evaluated.ks as baseline_ks,
        evaluated.mql_lift,
        baseline_evaluated.mql_lift as baseline_mql_lift,
        evaluated.mql_recall,
        baseline_evaluated.mql_recall as baseline_mql_recall,
        evaluated.top_decile_lift,
        baseline_evaluated.top_decile_lift as baseline_top_decile_lift
    from scorecards
    left join summed
        on scorecards.scorecard_id = summed.scorecard_id
    left join evaluation as evaluated
        on scorecards.scorecard_id = evaluated.scorecard_id
    left join evaluation as baseline_evaluated
        on scorecards.baseline_scorecard_id = baseline_evaluated.scorecard_id
    where scorecards.baseline_scorecard_id is not null

)

select * from final
