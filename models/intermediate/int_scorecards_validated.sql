{#-
    One row per active scorecard, once the scorecard seeds are known to be evaluable. This is
    the gate of the build: when int_scorecard_problems_listed has any row, compiling this
    model stops `dbt build` with every problem in one message, before any mart is rebuilt
    (the marts of the last good run stay as they were). Every model that scores reads the
    scorecards, and through them the rules, from here.
-#}
-- depends_on: {{ ref('int_scorecard_problems_listed') }}
{%- if execute and load_relation(ref('int_scorecard_problems_listed')) is not none -%}
    {%- set problems = run_query(
        'select message from ' ~ ref('int_scorecard_problems_listed') ~ ' order by seed_name desc, message'
    ).columns[0].values() -%}
    {%- if problems | length > 0 -%}
        {{ exceptions.raise_compiler_error(
            'The scorecard cannot be evaluated; no score was written. '
            ~ problems | length ~ ' problem(s):\n  - ' ~ problems | join('\n  - ')
        ) }}
    {%- endif -%}
{%- endif %}

with

scorecards as (

    select * from {{ ref('stg_scorecards') }}

),

final as (

    select * from scorecards
    where is_active

)

select * from final
