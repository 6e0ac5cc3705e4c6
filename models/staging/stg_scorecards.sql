{#-
    The scorecards seed, typed: cut-offs as numbers, trigger types in comparison form. The
    text of each number is kept (`<column>_text`) so the scorecard validation can quote a
    value that is not one.
-#}
{%- set number_columns = [
    'mql_min_score', 'mql_min_fit', 'sql_min_score', 'hot_min_score', 'warm_min_score',
    'grade_a_min_fit', 'grade_b_min_fit', 'grade_c_min_fit', 'level_1_min_engagement',
    'level_2_min_engagement', 'level_3_min_engagement', 'dead_below_fit_points',
] -%}

with

source as (

    select * from {{ ref('scorecards') }}

),

renamed as (

    select
        {{ clean_text('scorecard_id') }} as scorecard_id,
        {%- for column in number_columns %}
        {{ clean_text(column) }} as {{ column }}_text,
        {{ parse_number(clean_text(column)) }} as {{ column }},
        {%- endfor %}
        {{ normalize_text('sql_trigger_event_types') }} as sql_trigger_event_types,
        {{ clean_text('sql_trigger_window_days') }} as sql_trigger_window_days_text,
        {{ parse_integer(clean_text('sql_trigger_window_days')) }} as sql_trigger_window_days,
        {{ clean_text('is_active') }} as is_active_text,
        coalesce(
            {{ parse_boolean('is_active') }},
            case when {{ clean_text('is_active') }} is null then true end
        ) as is_active,
        {{ clean_text('description') }} as description

    from source

),

final as (

    select * from renamed

)

select * from final
