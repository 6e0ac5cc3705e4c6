{% macro scores_graded_query(relation) -%}
    {#-
        SCORING.md §4 in one place, for lead_scores and lead_score_history: a query of every
        column of `relation` (one row per lead and scorecard, or per lead, scorecard and day,
        with fit_points, engagement_points, is_excluded, has_sql_trigger and the scorecard's
        cut-offs) plus fit_score, engagement_score and total_score (clamped, rounded half away
        from zero; 0 when excluded), is_dead, fit_grade, engagement_level, matrix_cell, tier,
        is_mql and is_sql.
    -#}
    select
        *,
        fit_grade || cast(engagement_level as {{ dbt.type_string() }}) as matrix_cell,
        is_mql and (total_score >= sql_min_score or has_sql_trigger) as is_sql

    from (
        select
            *,
            case
                when fit_score >= grade_a_min_fit then 'A'
                when fit_score >= grade_b_min_fit then 'B'
                when fit_score >= grade_c_min_fit then 'C'
                else 'D'
            end as fit_grade,
            case
                when engagement_score >= level_1_min_engagement then 1
                when engagement_score >= level_2_min_engagement then 2
                when engagement_score >= level_3_min_engagement then 3
                else 4
            end as engagement_level,
            case
                when is_dead then 'dead'
                when total_score >= hot_min_score then 'hot'
                when total_score >= warm_min_score then 'warm'
                else 'cold'
            end as tier,
            not is_dead
            and total_score >= mql_min_score
            and fit_score >= coalesce(mql_min_fit, 0) as is_mql

        from (
            select
                *,
                {{ clamp(round_half_away_from_zero('fit_points'), 0, 100) }} as fit_score,
                {{ clamp(round_half_away_from_zero('engagement_points'), 0, 100) }} as engagement_score,
                case
                    when is_excluded then 0
                    else {{ clamp(round_half_away_from_zero('fit_points + engagement_points'), 0, 100) }}
                end as total_score,
                is_excluded or coalesce(fit_points < dead_below_fit_points, false) as is_dead

            from {{ relation }}
        ) as scored
    ) as graded
{%- endmacro %}
