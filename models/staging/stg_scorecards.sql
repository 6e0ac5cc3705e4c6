{#- The scorecards seed, typed: cut-offs as numbers, trigger types in comparison form. -#}
with

source as (

    select * from {{ ref('scorecards') }}

),

renamed as (

    select
        {{ clean_text('scorecard_id') }} as scorecard_id,
        {{ safe_cast(clean_text('mql_min_score'), dbt.type_float()) }} as mql_min_score,
        {{ safe_cast(clean_text('mql_min_fit'), dbt.type_float()) }} as mql_min_fit,
        {{ safe_cast(clean_text('sql_min_score'), dbt.type_float()) }} as sql_min_score,
        {{ normalize_text('sql_trigger_event_types') }} as sql_trigger_event_types,
        {{ safe_cast(clean_text('sql_trigger_window_days'), dbt.type_int()) }} as sql_trigger_window_days,
        {{ safe_cast(clean_text('hot_min_score'), dbt.type_float()) }} as hot_min_score,
        {{ safe_cast(clean_text('warm_min_score'), dbt.type_float()) }} as warm_min_score,
        {{ safe_cast(clean_text('grade_a_min_fit'), dbt.type_float()) }} as grade_a_min_fit,
        {{ safe_cast(clean_text('grade_b_min_fit'), dbt.type_float()) }} as grade_b_min_fit,
        {{ safe_cast(clean_text('grade_c_min_fit'), dbt.type_float()) }} as grade_c_min_fit,
        {{ safe_cast(clean_text('level_1_min_engagement'), dbt.type_float()) }} as level_1_min_engagement,
        {{ safe_cast(clean_text('level_2_min_engagement'), dbt.type_float()) }} as level_2_min_engagement,
        {{ safe_cast(clean_text('level_3_min_engagement'), dbt.type_float()) }} as level_3_min_engagement,
        {{ safe_cast(clean_text('dead_below_fit_points'), dbt.type_float()) }} as dead_below_fit_points,
        coalesce({{ parse_boolean('is_active') }}, {{ clean_text('is_active') }} is null) as is_active,
        {{ clean_text('description') }} as description

    from source

),

final as (

    select * from renamed

)

select * from final
