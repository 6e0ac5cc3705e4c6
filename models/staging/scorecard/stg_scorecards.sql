{#-
    The scorecards seed, typed: cut-offs as numbers, trigger types in comparison form. The
    text of each number is kept (`<column>_text`) so the scorecard validation can quote a
    value that is not one. Columns are found by their trimmed, lower-cased names; a column the
    seed leaves out is null (SCORING.md §2: it means what its empty value means; a required
    one missing is reported by the scorecard validation).
-#}
{%- set number_columns = [
    'mql_min_score', 'mql_min_fit', 'sql_min_score', 'hot_min_score', 'warm_min_score',
    'grade_a_min_fit', 'grade_b_min_fit', 'grade_c_min_fit', 'level_1_min_engagement',
    'level_2_min_engagement', 'level_3_min_engagement', 'dead_below_fit_points',
] -%}
{%- set seed = input_columns(
    ref('scorecards'),
    ['scorecard_id'] + number_columns
    + ['sql_trigger_event_types', 'sql_trigger_window_days', 'is_active', 'description',
        'baseline_scorecard_id'],
) -%}

with

source as (

    select * from {{ ref('scorecards') }}

),

renamed as (

    select
        {{ clean_text(input_column(seed, 'scorecard_id')) }} as scorecard_id,
        {%- for column in number_columns %}
        {{ clean_text(input_column(seed, column)) }} as {{ column }}_text,
        {{ parse_number(clean_text(input_column(seed, column))) }} as {{ column }},
        {%- endfor %}
        {{ normalize_text(input_column(seed, 'sql_trigger_event_types')) }} as sql_trigger_event_types,
        {{ clean_text(input_column(seed, 'sql_trigger_window_days')) }} as sql_trigger_window_days_text,
        {{ parse_integer(clean_text(input_column(seed, 'sql_trigger_window_days'))) }} as sql_trigger_window_days,
        {{ clean_text(input_column(seed, 'is_active')) }} as is_active_text,
        coalesce(
            {{ parse_boolean(input_column(seed, 'is_active')) }},
            case when {{ clean_text(input_column(seed, 'is_active')) }} is null then true end
        ) as is_active,
        {{ clean_text(input_column(seed, 'description')) }} as description,
        {{ clean_text(input_column(seed, 'baseline_scorecard_id')) }} as baseline_scorecard_id

    from source

),

final as (

    select * from renamed

)

select * from final
