{#-
    What the engagement state counts: one row per active engagement rule (rule_key
    `rule:<rule_id>`) and per active scorecard's SQL trigger event type (rule_key
    `trigger:<scorecard_id>`, one key for all the scorecard's trigger types), with the first
    day of its window as of the scoring date (null: all history) and keep_count, how many of
    a lead's most recent matches its score needs: max_count for a capped `each` rule, 1 for a
    `none` rule and a trigger (is there one, and when), null (all of them) for an uncapped
    `each` rule and an `at_least` rule. key_number numbers the keys of the run, a small
    integer to group on (grouping 28M matches on a text key takes twice as long on DuckDB).
-#}
with

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

trigger_types as (

    select * from {{ ref('int_scorecard_trigger_types_unnested') }}

),

unioned as (

    select
        'rule:' || rule_id as rule_key,
        scorecard_id,
        rule_id,
        event_type,
        event_filter,
        window_days,
        case
            when operator = 'none' then 1
            when operator = 'each' then max_count
        end as keep_count

    from rules

    union all

    select distinct
        'trigger:' || scorecard_id as rule_key,
        scorecard_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        event_type,
        cast(null as {{ dbt.type_string() }}) as event_filter,
        sql_trigger_window_days as window_days,
        1 as keep_count

    from trigger_types

),

final as (

    select
        rule_key,
        dense_rank() over (order by rule_key) as key_number,
        scorecard_id,
        rule_id,
        event_type,
        event_filter,
        window_days,
        cast({{ dbt.dateadd('day', '1 - window_days', as_of_date()) }} as date) as first_event_date,
        keep_count

    from unioned

)

select * from final
