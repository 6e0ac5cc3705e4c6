{#-
    One row per rule that scores: the active rules of the active scorecards, read through
    the validation gate (int_scorecards_validated).
-#}
with

rules as (

    select * from {{ ref('stg_scorecard_rules') }}

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

final as (

    select rules.*
    from rules
    inner join scorecards
        on rules.scorecard_id = scorecards.scorecard_id
    where rules.is_active

)

select * from final
