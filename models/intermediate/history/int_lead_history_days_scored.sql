{#-
    One row per lead, active scorecard and candidate day of the history: a day on which the
    lead's outputs (SCORING.md §4) may differ from the day before, with those outputs exactly
    as lead_scores gives them with as_of = that day. Candidates: the first day of every
    segment (int_lead_history_segments_summed: a count changes), and, in a segment with
    decaying matches, every day whose rounded scores differ from the day before's by the
    estimate of the decaying points (the summed half-life classes), and every day where that
    estimate cannot be trusted: within `margin` of a rounding edge (x.5) of the engagement or
    total points, or with matches of an unsummed class. Those days are scored exactly: each
    decaying rule's matches listed and summed with date_list_decayed_sum as of the day, in
    the same order and with the same arithmetic as lead_scores, quantised per rule. Away from
    the edges the estimate (its error: under 5e-7 per rule from quantisation, and float
    rounding) rounds the same way, and the day is no change. Days of a segment without
    decaying matches need no more than its first.
-#}
{{ config(materialized='table') }}

-- depends_on: {{ ref('int_scorecard_rules_filtered') }}
{%- set classes = history_half_lives(ref('int_scorecard_rules_filtered')) | selectattr('is_summed') | list %}
{%- set days_in = dbt.datediff(history_first_date(), 'score_on', 'day') %}

with

segments as (

    select * from {{ ref('int_lead_history_segments_summed') }}

),

occurrences as (

    select * from {{ ref('int_lead_engagement_occurrences_spanned') }}
    where operator = 'each' and half_life_days is not null

),

fit_rules as (

    select * from {{ ref('int_lead_fit_rules_resolved') }}

),

exclusion_rules as (

    select * from {{ ref('int_lead_fit_rules_matched') }}
    where dimension = 'exclusion'

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}

),

fit_points as (

    select
        lead_id,
        scorecard_id,
        sum(cast(points as {{ points_type() }})) as fit_points

    from fit_rules
    group by lead_id, scorecard_id

),

exclusions as (

    select
        lead_id,
        scorecard_id,
        min(rule_id) as exclusion_reason

    from exclusion_rules
    group by lead_id, scorecard_id

),

-- how far from a rounding edge the estimate must be: 1e-6 per decaying rule and one more
margins as (

    select
        scorecards.scorecard_id,
        0.000001 * (1 + count(rules.rule_id)) as margin

    from scorecards
    left join rules
        on
            scorecards.scorecard_id = rules.scorecard_id
            and rules.dimension = 'engagement'
            and rules.operator = 'each'
            and rules.half_life_days is not null
    group by scorecards.scorecard_id

),

lead_constants as (

    select
        lead_scorecards.lead_id,
        lead_scorecards.scorecard_id,
        coalesce(fit_points.fit_points, 0) as fit_points,
        exclusions.exclusion_reason,
        exclusions.exclusion_reason is not null as is_excluded,
        margins.margin

    from (
        select distinct
            lead_id,
            scorecard_id
        from segments
    ) as lead_scorecards
    inner join margins
        on lead_scorecards.scorecard_id = margins.scorecard_id
    left join fit_points
        on
            lead_scorecards.lead_id = fit_points.lead_id
            and lead_scorecards.scorecard_id = fit_points.scorecard_id
    left join exclusions
        on
            lead_scorecards.lead_id = exclusions.lead_id
            and lead_scorecards.scorecard_id = exclusions.scorecard_id

),

-- a segment without decaying matches: its first day stands for all of them
steady_days as (

    select
        lead_id,
        scorecard_id,
        segment_from as score_on,
        exact_points as engagement_points,
        trigger_matches > 0 as has_sql_trigger,
        true as is_exact

    from segments
    where decaying_matches = 0

),

-- a segment with decaying matches, day by day, with the estimate of its points on the day
-- and on the day before
estimated as (

    select
        *,
        {{ history_estimate(classes, days_in) }} as estimate,
        {{ history_estimate(classes, days_in, 1) }} as estimate_before

    from (
        select
            *,
            cast({{ dbt.dateadd('day', 'day_offset', 'segment_from') }} as date) as score_on

        from (
            select
                *,
                {{ day_offsets(dbt.datediff('segment_from', 'segment_until', 'day')) }} as day_offset

            from segments
            where decaying_matches > 0
        ) as day_rows
    ) as expanded

),

flagged as (

    select
        estimated.*,
        lead_constants.fit_points,
        {%- for suffix in ['', '_before'] %}
        estimated.unsummed_matches > 0
        or {{ near_rounding_edge('estimated.estimate' ~ suffix, 'lead_constants.margin') }}
        or {{ near_rounding_edge(
            'estimated.estimate' ~ suffix ~ ' + lead_constants.fit_points', 'lead_constants.margin'
        ) }} as is_uncertain{{ suffix }},
        {%- endfor %}
        lead_constants.margin

    from estimated
    inner join lead_constants
        on
            estimated.lead_id = lead_constants.lead_id
            and estimated.scorecard_id = lead_constants.scorecard_id

),

-- (the estimates are doubles: rounded with the engine-neutral form, sign * floor(abs + 0.5))
{%- set rounded = default__round_half_away_from_zero %}

candidates as (

    select * from flagged
    where
        day_offset = 0
        or is_uncertain
        or is_uncertain_before
        or {{ rounded('estimate') }} <> {{ rounded('estimate_before') }}
        or {{ rounded('estimate + fit_points') }} <> {{ rounded('estimate_before + fit_points') }}

),

-- exactly: the matches of each decaying rule that count on an uncertain day, most recent first
uncertain_matches as (

    select
        lead_id,
        scorecard_id,
        score_on,
        rule_id,
        points,
        half_life_days,
        active_from

    from (
        select
            candidates.lead_id,
            candidates.scorecard_id,
            candidates.score_on,
            occurrences.rule_id,
            occurrences.points,
            occurrences.half_life_days,
            occurrences.active_from,
            {{ day_offsets('occurrences.match_count') }} as copy_number

        from candidates
        inner join occurrences
            on
                candidates.lead_id = occurrences.lead_id
                and candidates.scorecard_id = occurrences.scorecard_id
                and candidates.score_on >= occurrences.active_from
                and (occurrences.active_until is null or candidates.score_on < occurrences.active_until)
        where candidates.is_uncertain
    ) as copies

),

uncertain_lists as (

    select
        lead_id,
        scorecard_id,
        score_on,
        rule_id,
        points,
        half_life_days,
        {{ recent_dates_agg('active_from', 'cast(null as ' ~ dbt.type_int() ~ ')') }} as event_dates,
        count(*) as occurrences

    from uncertain_matches
    group by lead_id, scorecard_id, score_on, rule_id, points, half_life_days

),

uncertain_points as (

    select
        lead_id,
        scorecard_id,
        score_on,
        sum(cast(
            points * {{ date_list_decayed_sum('event_dates', 'occurrences', 'half_life_days', 'score_on') }}
            as {{ points_type() }}
        )) as decaying_points

    from uncertain_lists
    group by lead_id, scorecard_id, score_on

),

decaying_days as (

    select
        candidates.lead_id,
        candidates.scorecard_id,
        candidates.score_on,
        case
            when candidates.is_uncertain
                then candidates.exact_points + coalesce(uncertain_points.decaying_points, 0)
            else cast(candidates.estimate as {{ points_type() }})
        end as engagement_points,
        candidates.trigger_matches > 0 as has_sql_trigger,
        candidates.is_uncertain as is_exact

    from candidates
    left join uncertain_points
        on
            candidates.lead_id = uncertain_points.lead_id
            and candidates.scorecard_id = uncertain_points.scorecard_id
            and candidates.score_on = uncertain_points.score_on

),

days as (

    select * from steady_days
    union all
    select * from decaying_days

),

lead_days as (

    select
        days.lead_id,
        days.score_on,
        days.engagement_points,
        days.has_sql_trigger,
        days.is_exact,
        lead_constants.fit_points,
        lead_constants.exclusion_reason,
        lead_constants.is_excluded,
        scorecards.*

    from days
    inner join lead_constants
        on days.lead_id = lead_constants.lead_id and days.scorecard_id = lead_constants.scorecard_id
    inner join scorecards
        on days.scorecard_id = scorecards.scorecard_id

),

graded as (

    {{ scores_graded_query('lead_days') | indent(4) }}

),

final as (

    select
        lead_id,
        scorecard_id,
        score_on,
        fit_points,
        engagement_points,
        fit_score,
        engagement_score,
        total_score,
        fit_grade,
        engagement_level,
        matrix_cell,
        tier,
        is_excluded,
        exclusion_reason,
        is_mql,
        is_sql,
        is_exact

    from graded

)

select * from final
