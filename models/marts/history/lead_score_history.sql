{#-
    The score history: one row per lead, active scorecard and period [valid_from, valid_to)
    of days over which the lead's outputs (SCORING.md §4: scores, grade, level, cell, segment,
    tier, exclusion, MQL, SQL) do not change, from the history's first day (history_days up
    to as_of; a lead created later: its creation day) to as_of. valid_to is the first day of
    the next period, null for the current one. For every day d of the history, the period
    covering d holds what lead_scores holds when built with as_of = d on the same inputs
    (SCORING.md §5): the history is a replay of the inputs, not a log of past runs. Built from
    the candidate days of int_lead_history_days_scored: a candidate with the same outputs as
    the one before it is no new period.

    A daily run (history_run_plan: as of the day after the last history, same scorecard and
    history_days; DuckDB with incremental_engagement_state) keeps the last history of the
    leads whose past did not change (int_lead_history_leads_listed lists the others, whose
    history is computed again): it drops the day that left the history's reach, and extends
    each current period by the new day, or closes it and opens one with lead_scores' outputs
    when they differ (lead_scores is the history's new last day).
-#}
-- depends_on: {{ ref('int_history_runs_planned') }}
{%- set plan = history_plan() %}
{%- set outputs = [
    'fit_score', 'engagement_score', 'total_score', 'fit_grade', 'engagement_level', 'tier',
    'is_excluded', 'exclusion_reason', 'is_mql', 'is_sql',
] %}

-- depends_on: {{ ref('lead_scores') }}
-- depends_on: {{ ref('int_lead_history_leads_listed') }}

with

days as (

    select * from {{ ref('int_lead_history_days_scored') }}

),

matrix_segments as (

    select * from {{ ref('stg_matrix_segments') }}

),

-- each candidate with the outputs of the candidate before it (matrix_cell and segment follow
-- from grade and level)
compared as (

    select
        *,
        {%- for column in outputs %}
        lag({{ column }}) over (partition by lead_id, scorecard_id order by score_on) as {{ column }}_before,
        {%- endfor %}
        row_number() over (partition by lead_id, scorecard_id order by score_on) as candidate_number

    from days

),

computed as (

    select
        lead_id,
        scorecard_id,
        score_on as valid_from,
        lead(score_on) over (partition by lead_id, scorecard_id order by score_on) as valid_to,
        {{ outputs | join(',\n        ') }},
        matrix_cell

    from compared
    where
        candidate_number = 1
        {%- for column in outputs %}
        or {{ column }} is distinct from {{ column }}_before
        {%- endfor %}

),

{% if plan.daily %}
previous as (

    select * from {{ this }}
    where lead_id not in (select listed.lead_id from {{ ref('int_lead_history_leads_listed') }} as listed)

),

scores as (

    select * from {{ ref('lead_scores') }}

),

-- the last history of the other leads, without the day that left its reach
kept as (

    select
        lead_id,
        scorecard_id,
        greatest(valid_from, {{ history_first_date() }}) as valid_from,
        valid_to,
        {{ outputs | join(',\n        ') }},
        matrix_cell

    from previous
    where valid_to is null or valid_to > {{ history_first_date() }}

),

-- their current periods whose outputs the new day (lead_scores) changes
changed as (

    select
        kept.lead_id,
        kept.scorecard_id,
        kept.valid_from

    from kept
    inner join scores
        on kept.lead_id = scores.lead_id and kept.scorecard_id = scores.scorecard_id
    where
        kept.valid_to is null
        and (
            {%- for column in outputs %}
            {{ 'or ' if not loop.first }}kept.{{ column }} is distinct from scores.{{ column }}
            {%- endfor %}
        )

),

extended as (

    select
        kept.lead_id,
        kept.scorecard_id,
        kept.valid_from,
        case when changed.lead_id is not null then {{ as_of_date() }} else kept.valid_to end as valid_to,
        {%- for column in outputs + ['matrix_cell'] %}
        kept.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from kept
    left join changed
        on
            kept.lead_id = changed.lead_id
            and kept.scorecard_id = changed.scorecard_id
            and kept.valid_from = changed.valid_from

    union all

    select
        scores.lead_id,
        scores.scorecard_id,
        {{ as_of_date() }} as valid_from,
        cast(null as date) as valid_to,
        {%- for column in outputs + ['matrix_cell'] %}
        scores.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from scores
    inner join changed
        on scores.lead_id = changed.lead_id and scores.scorecard_id = changed.scorecard_id

),

periods as (

    select * from extended
    union all
    select * from computed

),
{% else %}
periods as (

    select * from computed

),
{% endif %}

final as (

    select
        periods.lead_id,
        periods.scorecard_id,
        periods.valid_from,
        periods.valid_to,
        periods.fit_score,
        periods.engagement_score,
        periods.total_score,
        periods.fit_grade,
        periods.engagement_level,
        periods.matrix_cell,
        matrix_segments.segment,
        periods.tier,
        periods.is_excluded,
        periods.exclusion_reason,
        periods.is_mql,
        periods.is_sql

    from periods
    left join matrix_segments
        on periods.matrix_cell = matrix_segments.matrix_cell

)

select * from final
