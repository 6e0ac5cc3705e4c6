{% macro scorecard_fingerprint() %}
    {#-
        A query of one row and one column, scorecard_fingerprint: a hash of everything the
        scores are computed from but the leads and events: every active scorecard's cut-offs
        (int_scorecards_validated), every rule that scores (int_scorecard_rules_filtered), the
        country_regions and matrix_segments seeds. The score history's ledger stores it; a
        daily run that finds another one rebuilds the history (a scorecard edit re-scores every
        day of it).
    -#}
    {%- set text = dbt.type_string() -%}
    with

    parts as (

        select
            'scorecard|' || scorecard_id
            {%- for column in [
                'mql_min_score_text', 'mql_min_fit_text', 'sql_min_score_text',
                'sql_trigger_event_types', 'sql_trigger_window_days_text', 'hot_min_score_text',
                'warm_min_score_text', 'grade_a_min_fit_text', 'grade_b_min_fit_text',
                'grade_c_min_fit_text', 'level_1_min_engagement_text',
                'level_2_min_engagement_text', 'level_3_min_engagement_text',
                'dead_below_fit_points_text',
            ] %}
            || '|' || coalesce(cast({{ column }} as {{ text }}), '')
            {%- endfor %} as part
        from {{ ref('int_scorecards_validated') }}

        union all

        select
            'rule|' || rule_id
            {%- for column in [
                'scorecard_id', 'dimension', 'attribute', 'operator', 'value', 'event_type',
                'event_filter', 'points_text', 'rule_group', 'max_count_text', 'window_days_text',
                'half_life_days_text', 'description',
            ] %}
            || '|' || coalesce(cast({{ column }} as {{ text }}), '')
            {%- endfor %} as part
        from {{ ref('int_scorecard_rules_filtered') }}

        union all

        select
            'country|' || country_spelling || '|' || country_code || '|' || coalesce(region, '')
                as part
        from {{ ref('int_country_spellings_unioned') }}

        union all

        select
            'cell|' || coalesce(matrix_cell, '') || '|' || coalesce(segment, '') as part
        from {{ ref('stg_matrix_segments') }}

    ),

    ranked as (

        select
            part,
            row_number() over (order by part) as part_rank
        from parts

    )

    select {{ dbt.hash("coalesce(" ~ string_agg_ordered('part', 'part_rank', "';'") ~ ", '')") }}
        as scorecard_fingerprint
    from ranked
{% endmacro %}
