{#-
    How well each scorecard's total_score predicted conversions (SCORING.md §6). One row per
    active scorecard and evaluated cut-off (is_pooled false), and one pooled row per
    scorecard (is_pooled true, cutoff_on null: int_evaluation_leads_scoped). Each figure is
    a ratio of whole counts (ratio), so every engine computes the same double. auc: the Mann-Whitney statistic, ties counting one
    half: the sum over scores of the converting leads at the score x (2 x the non-converting
    leads below it + those at it), over 2 x converting x non-converting leads. ks: the most,
    over score thresholds, by which the share of the converting leads at or above the
    threshold exceeds that of the non-converting ones (0 when it never does).
-#}
with

scoped as (

    select * from {{ ref('int_evaluation_leads_scoped') }}

),

populations as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        count(distinct population_cutoff_on) as cutoffs,
        count(*) as leads,
        sum(case when has_converted then 1 else 0 end) as conversions,
        sum(case when is_mql then 1 else 0 end) as mql_leads,
        sum(case when is_mql and has_converted then 1 else 0 end) as mql_conversions,
        sum(case when score_decile = 1 then 1 else 0 end) as top_decile_leads,
        sum(case when score_decile = 1 and has_converted then 1 else 0 end)
            as top_decile_conversions

    from scoped
    group by scorecard_id, is_pooled, cutoff_on

),

score_counts as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        total_score,
        sum(case when has_converted then 1 else 0 end) as positives,
        sum(case when has_converted then 0 else 1 end) as negatives

    from scoped
    group by scorecard_id, is_pooled, cutoff_on, total_score

),

score_ranks as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        positives,
        negatives,
        coalesce(sum(negatives) over (
            partition by scorecard_id, is_pooled, cutoff_on
            order by total_score
            rows between unbounded preceding and 1 preceding
        ), 0) as negatives_below,
        sum(positives) over (
            partition by scorecard_id, is_pooled, cutoff_on
            order by total_score desc
            rows between unbounded preceding and current row
        ) as positives_at_or_above,
        sum(negatives) over (
            partition by scorecard_id, is_pooled, cutoff_on
            order by total_score desc
            rows between unbounded preceding and current row
        ) as negatives_at_or_above,
        sum(positives) over (partition by scorecard_id, is_pooled, cutoff_on) as all_positives,
        sum(negatives) over (partition by scorecard_id, is_pooled, cutoff_on) as all_negatives

    from score_counts

),

rank_statistics as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        max(all_positives * all_negatives) as pairs,
        sum(positives * (2 * negatives_below + negatives)) as doubled_wins,
        greatest(
            max(positives_at_or_above * all_negatives - negatives_at_or_above * all_positives), 0
        ) as largest_gap

    from score_ranks
    group by scorecard_id, is_pooled, cutoff_on

),

final as (

    select
        populations.scorecard_id,
        populations.is_pooled,
        populations.cutoff_on,
        cast(populations.cutoffs as bigint) as cutoffs,
        cast({{ evaluation_horizon_days() }} as integer) as horizon_days,
        cast(populations.leads as bigint) as leads,
        cast(populations.conversions as bigint) as conversions,
        {{ ratio('populations.conversions', 'populations.leads') }} as conversion_rate,
        {{ ratio('rank_statistics.doubled_wins', '2 * rank_statistics.pairs') }} as auc,
        {{ ratio('rank_statistics.doubled_wins - rank_statistics.pairs', 'rank_statistics.pairs') }}
            as gini,
        {{ ratio('rank_statistics.largest_gap', 'rank_statistics.pairs') }} as ks,
        cast(populations.mql_leads as bigint) as mql_leads,
        cast(populations.mql_conversions as bigint) as mql_conversions,
        {{ ratio('populations.mql_conversions', 'populations.mql_leads') }} as mql_conversion_rate,
        {{ ratio(
            'populations.conversions - populations.mql_conversions',
            'populations.leads - populations.mql_leads'
        ) }} as non_mql_conversion_rate,
        {{ ratio(
            'populations.mql_conversions * populations.leads',
            'populations.mql_leads * populations.conversions'
        ) }} as mql_lift,
        {{ ratio('populations.mql_conversions', 'populations.conversions') }} as mql_recall,
        cast(populations.top_decile_leads as bigint) as top_decile_leads,
        cast(populations.top_decile_conversions as bigint) as top_decile_conversions,
        {{ ratio(
            'populations.top_decile_conversions * populations.leads',
            'populations.top_decile_leads * populations.conversions'
        ) }} as top_decile_lift

    from populations
    inner join rank_statistics
        on
            populations.scorecard_id = rank_statistics.scorecard_id
            and populations.is_pooled = rank_statistics.is_pooled
            and (
                populations.cutoff_on = rank_statistics.cutoff_on
                or (populations.cutoff_on is null and rank_statistics.cutoff_on is null)
            )

)

select * from final
