{#-
    Every point is explainable (SCORING.md §4): per lead and scorecard, the points of the
    breakdown's fit rows add up EXACTLY to lead_scores.fit_points and those of its engagement
    rows to engagement_points (a lead with no breakdown rows has 0 and 0). Both sides are
    decimal(18, 6), so the comparison is exact, not within a tolerance. Also returns breakdown
    keys that have no lead_scores row. Returns one row per mismatching lead and scorecard.
-#}
with

scores as (

    select * from {{ ref('lead_scores') }}

),

breakdown as (

    select * from {{ ref('lead_score_breakdown') }}

),

breakdown_sums as (

    select
        lead_id,
        scorecard_id,
        sum(case when dimension = 'fit' then points else 0 end) as fit_points,
        sum(case when dimension = 'engagement' then points else 0 end) as engagement_points

    from breakdown
    group by lead_id, scorecard_id

),

final as (

    select
        coalesce(scores.lead_id, breakdown_sums.lead_id) as lead_id,
        coalesce(scores.scorecard_id, breakdown_sums.scorecard_id) as scorecard_id,
        scores.fit_points,
        breakdown_sums.fit_points as breakdown_fit_points,
        scores.engagement_points,
        breakdown_sums.engagement_points as breakdown_engagement_points

    from scores
    full outer join breakdown_sums
        on
            scores.lead_id = breakdown_sums.lead_id
            and scores.scorecard_id = breakdown_sums.scorecard_id
    where
        scores.lead_id is null
        or scores.fit_points is null
        or scores.engagement_points is null
        or scores.fit_points <> coalesce(breakdown_sums.fit_points, 0)
        or scores.engagement_points <> coalesce(breakdown_sums.engagement_points, 0)

)

select * from final
