{#-
    One row per lead and active scorecard as of the scoring date: points, 0-100 scores, fit
    grade, engagement level, matrix cell and segment, tier, exclusion, MQL and SQL flags, and
    the top reasons in words (SCORING.md §4).
-#}
with

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

breakdown as (

    select * from {{ ref('lead_score_breakdown') }}

),

sql_triggers as (

    select * from {{ ref('int_leads_sql_triggered') }}

),

matrix_segments as (

    select * from {{ ref('stg_matrix_segments') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}

),

-- each breakdown row with its reason in words and, for the fit and engagement rules whose
-- points round to something other than 0, its rank among them: largest absolute points first
-- (ties: rule_id)
ranked as (

    select
        lead_id,
        scorecard_id,
        dimension,
        rule_id,
        points,
        description || ' '
        || case when {{ round_half_away_from_zero('points') }} > 0 then '+' else '' end
        || cast({{ round_half_away_from_zero('points') }} as {{ dbt.type_string() }}) as reason,
        case
            when is_reason
                then row_number() over (
                        partition by lead_id, scorecard_id
                        order by is_reason desc, abs(points) desc, rule_id asc
                    )
        end as reason_rank

    from (
        select
            *,
            dimension in ('fit', 'engagement')
            and {{ round_half_away_from_zero('points') }} <> 0 as is_reason

        from breakdown
    ) as flagged

),

-- one pass over the breakdown: the points of each dimension and the top reasons
points as (

    select
        lead_id,
        scorecard_id,
        sum(case when dimension = 'fit' then points else 0 end) as fit_points,
        sum(case when dimension = 'engagement' then points else 0 end) as engagement_points,
        min(case when dimension = 'exclusion' then rule_id end) as exclusion_reason,
        {# score_reasons_max 0: no reasons -#}
        {% if var('score_reasons_max', 3) > 0 -%}
        nullif(concat_ws(
            ', '
            {%- for rank in range(1, var('score_reasons_max', 3) + 1) %},
            max(case when reason_rank = {{ rank }} then reason end)
            {%- endfor %}
        ), '')
        {%- else -%}
        cast(null as {{ dbt.type_string() }})
        {%- endif %} as score_reasons

    from ranked
    group by lead_id, scorecard_id

),

lead_scorecards as (

    select
        leads.lead_id,
        scorecards.scorecard_id,
        scorecards.mql_min_score,
        scorecards.mql_min_fit,
        scorecards.sql_min_score,
        scorecards.hot_min_score,
        scorecards.warm_min_score,
        scorecards.grade_a_min_fit,
        scorecards.grade_b_min_fit,
        scorecards.grade_c_min_fit,
        scorecards.level_1_min_engagement,
        scorecards.level_2_min_engagement,
        scorecards.level_3_min_engagement,
        scorecards.dead_below_fit_points,
        cast(coalesce(points.fit_points, 0) as {{ points_type() }}) as fit_points,
        cast(coalesce(points.engagement_points, 0) as {{ points_type() }}) as engagement_points,
        points.exclusion_reason,
        points.exclusion_reason is not null as is_excluded,
        sql_triggers.lead_id is not null as has_sql_trigger,
        points.score_reasons

    from leads
    cross join scorecards
    left join points
        on
            leads.lead_id = points.lead_id
            and scorecards.scorecard_id = points.scorecard_id
    left join sql_triggers
        on
            leads.lead_id = sql_triggers.lead_id
            and scorecards.scorecard_id = sql_triggers.scorecard_id

),

graded as (

    {{ scores_graded_query('lead_scorecards') | indent(4) }}

),

final as (

    select
        graded.lead_id,
        graded.scorecard_id,
        {{ as_of_date() }} as as_of_date,
        graded.fit_points,
        graded.engagement_points,
        graded.fit_score,
        graded.engagement_score,
        graded.total_score,
        graded.fit_grade,
        graded.engagement_level,
        graded.matrix_cell,
        matrix_segments.segment,
        graded.tier,
        graded.is_excluded,
        graded.exclusion_reason,
        graded.is_mql,
        graded.is_sql,
        case
            when graded.is_excluded then 'Excluded: ' || rules.description
            else graded.score_reasons
        end as score_reasons

    from graded
    left join matrix_segments
        on graded.matrix_cell = matrix_segments.matrix_cell
    left join rules
        on graded.exclusion_reason = rules.rule_id

)

select * from final
