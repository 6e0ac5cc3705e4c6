{#-
    The evaluation's populations (SCORING.md §6): one row per evaluated cut-off, active
    scorecard and lead scored as of the cut-off (the lead_score_history period covering it)
    that had not converted on or before it, with its outputs of that day and its outcome:
    has_converted, a conversion in the horizon's days after the cut-off (a lead's earliest
    conversion decides: int_lead_conversions_aggregated). score_decile:
    1 + floor(10 x the leads of the scorecard and cut-off with a higher total_score / all of
    them), so leads of equal score share a decile (1 the top tenth; a decile can be empty).
-#}
with

history as (

    select * from {{ ref('lead_score_history') }}

),

cutoffs as (

    select * from {{ ref('int_evaluation_cutoffs_listed') }}

),

first_conversions as (

    select * from {{ ref('int_lead_conversions_aggregated') }}

),

scored_at_cutoffs as (

    select
        cutoffs.cutoff_on,
        cutoffs.horizon_ends_on,
        history.lead_id,
        history.scorecard_id,
        history.total_score,
        history.fit_grade,
        history.engagement_level,
        history.matrix_cell,
        history.segment,
        history.tier,
        history.is_mql

    from history
    inner join cutoffs
        on
            history.valid_from <= cutoffs.cutoff_on
            and (history.valid_to is null or history.valid_to > cutoffs.cutoff_on)
    where cutoffs.evaluation_status = 'evaluated'

),

labelled as (

    select
        scored_at_cutoffs.cutoff_on,
        scored_at_cutoffs.lead_id,
        scored_at_cutoffs.scorecard_id,
        scored_at_cutoffs.total_score,
        scored_at_cutoffs.fit_grade,
        scored_at_cutoffs.engagement_level,
        scored_at_cutoffs.matrix_cell,
        scored_at_cutoffs.segment,
        scored_at_cutoffs.tier,
        scored_at_cutoffs.is_mql,
        coalesce(first_conversions.converted_on <= scored_at_cutoffs.horizon_ends_on, false)
            as has_converted

    from scored_at_cutoffs
    left join first_conversions
        on scored_at_cutoffs.lead_id = first_conversions.lead_id
    where
        first_conversions.converted_on is null
        or first_conversions.converted_on > scored_at_cutoffs.cutoff_on

),

final as (

    select
        *,
        1 + cast(floor(
            10 * cast(
                rank() over (partition by scorecard_id, cutoff_on order by total_score desc) - 1
                as {{ type_double() }}
            )
            / count(*) over (partition by scorecard_id, cutoff_on)
        ) as integer) as score_decile

    from labelled

)

select * from final
