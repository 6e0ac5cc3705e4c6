{#-
    The evaluation's populations in the two scopes the marts report: each labelled lead once
    in its cut-off's population (is_pooled false, cutoff_on the cut-off) and once in its
    scorecard's pooled population (is_pooled true, cutoff_on null: all cut-offs as one, a lead
    once per cut-off; population_cutoff_on keeps its cut-off).
-#}
with

labelled as (

    select * from {{ ref('int_evaluation_leads_labelled') }}

),

scoped as (

    select
        scorecard_id,
        false as is_pooled,
        cutoff_on,
        cutoff_on as population_cutoff_on,
        lead_id,
        total_score,
        fit_grade,
        engagement_level,
        matrix_cell,
        segment,
        tier,
        is_mql,
        has_converted,
        score_decile

    from labelled

    union all

    select
        scorecard_id,
        true as is_pooled,
        cast(null as date) as cutoff_on,
        cutoff_on as population_cutoff_on,
        lead_id,
        total_score,
        fit_grade,
        engagement_level,
        matrix_cell,
        segment,
        tier,
        is_mql,
        has_converted,
        score_decile

    from labelled

),

final as (

    select * from scoped

)

select * from final
