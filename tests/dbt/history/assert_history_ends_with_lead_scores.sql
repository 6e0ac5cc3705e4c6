{#-
    The current period of lead_score_history (valid_to null) is lead_scores, output for
    output: the history's last day is as_of. Every lead_scores row has exactly one current
    period (when history_days is not 0). Returns the rows that differ or have no period.
-#}
with

scores as (

    select * from {{ ref('lead_scores') }}

),

current_periods as (

    select * from {{ ref('lead_score_history') }}
    where valid_to is null

)

select
    scores.lead_id,
    scores.scorecard_id,
    current_periods.valid_from

from scores
left join current_periods
    on scores.lead_id = current_periods.lead_id and scores.scorecard_id = current_periods.scorecard_id
where
    {{ history_days() }} > 0
    and (
        current_periods.lead_id is null
        {%- for column in [
            'fit_score', 'engagement_score', 'total_score', 'fit_grade', 'engagement_level',
            'matrix_cell', 'segment', 'tier', 'is_excluded', 'exclusion_reason', 'is_mql', 'is_sql',
        ] %}
        or scores.{{ column }} is distinct from current_periods.{{ column }}
        {%- endfor %}
    )
