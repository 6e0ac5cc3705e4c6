{#-
    The rules that score: active rules of active scorecards. One row per rule.
-#}
with

rules as (

    select * from {{ ref('stg_scorecard_rules') }}

),

scorecards as (

    select * from {{ ref('stg_scorecards') }}

),

final as (

    select rules.*
    from rules
    inner join scorecards
        on rules.scorecard_id = scorecards.scorecard_id
    where rules.is_active and scorecards.is_active

)

select * from final
