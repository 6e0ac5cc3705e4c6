{#-
    One row per active scorecard and SQL trigger event type (its `sql_trigger_event_types`
    list, `a|b`, in comparison form), with the trigger window.
-#}
with

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

unnested as (

    select
        scorecard_id,
        sql_trigger_window_days,
        {{ unnest_list('sql_trigger_event_types') }} as event_type

    from scorecards

),

final as (

    select
        scorecard_id,
        sql_trigger_window_days,
        {{ normalize_text('event_type') }} as event_type

    from unnested
    where {{ normalize_text('event_type') }} is not null

)

select * from final
