{#-
    One row per active scorecard, once the scorecard seeds are known to be evaluable. This is
    the gate of the build: when int_scorecard_problems_listed has any row, compiling this
    model stops `dbt build` with every problem in one message, before any mart is rebuilt
    (the marts of the last good run stay as they were). Every model that scores reads the
    scorecards, and through them the rules, from here.
-#}
-- depends_on: {{ ref('int_scorecard_problems_listed') }}
{{- raise_scorecard_problems(ref('int_scorecard_problems_listed')) }}

with

scorecards as (

    select * from {{ ref('stg_scorecards') }}

),

final as (

    select * from scorecards
    where is_active

)

select * from final
