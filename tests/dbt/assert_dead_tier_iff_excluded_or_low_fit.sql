{#-
    tier is `dead` if and only if the lead is excluded or its fit_points is below the
    scorecard's dead_below_fit_points (empty: never dead by fit) (SCORING.md §4). The cut-off
    is read from staging, independently of the marts. Returns the rows where the tier
    disagrees.
-#}
with

scores as (

    select * from {{ ref('lead_scores') }}

),

scorecards as (

    select * from {{ ref('stg_scorecards') }}

),

expected as (

    select
        scores.lead_id,
        scores.scorecard_id,
        scores.is_excluded,
        scores.fit_points,
        scorecards.dead_below_fit_points,
        scores.tier,
        scores.is_excluded
        or coalesce(scores.fit_points < scorecards.dead_below_fit_points, false) as should_be_dead

    from scores
    left join scorecards
        on scores.scorecard_id = scorecards.scorecard_id

),

final as (

    select *
    from expected
    where
        tier is null
        or (tier = 'dead') <> should_be_dead

)

select * from final
