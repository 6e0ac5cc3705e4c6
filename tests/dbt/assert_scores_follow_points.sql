{#-
    The 0..100 scores follow from the points (SCORING.md §4), recomputed here independently of
    the model's macros: round is half away from zero (sign(x) * floor(abs(x) + 0.5)), then
    clamped to [0, 100].
    - fit_score = clamp(round(fit_points)), engagement_score = clamp(round(engagement_points));
    - total_score = 0 for an excluded lead, clamp(round(fit_points + engagement_points))
      otherwise (the sum is rounded, not the two scores added).
    Returns the rows where any of the three differs.
-#}
with

scores as (

    select * from {{ ref('lead_scores') }}

),

rounded as (

    select
        lead_id,
        scorecard_id,
        is_excluded,
        fit_points,
        engagement_points,
        fit_score,
        engagement_score,
        total_score,
        sign(fit_points) * floor(abs(fit_points) + 0.5) as fit_rounded,
        sign(engagement_points) * floor(abs(engagement_points) + 0.5) as engagement_rounded,
        sign(fit_points + engagement_points) * floor(abs(fit_points + engagement_points) + 0.5)
            as total_rounded

    from scores

),

expected as (

    select
        *,
        case
            when fit_rounded < 0 then 0 when fit_rounded > 100 then 100 else fit_rounded
        end as expected_fit_score,
        case
            when engagement_rounded < 0 then 0 when engagement_rounded > 100 then 100 else engagement_rounded
        end as expected_engagement_score,
        case
            when is_excluded then 0
            when total_rounded < 0 then 0
            when total_rounded > 100 then 100
            else total_rounded
        end as expected_total_score

    from rounded

),

final as (

    select *
    from expected
    where
        fit_score is null
        or engagement_score is null
        or total_score is null
        or fit_score <> expected_fit_score
        or engagement_score <> expected_engagement_score
        or total_score <> expected_total_score

)

select * from final
