{#-
    lead_scores has one row per scored lead and active scorecard, whether or not any rule
    matches: its row count is (scored leads) x (active scorecards), and no pair is missing.
    Scored leads are counted from the row classification and active scorecards from staging,
    independently of the marts. Returns the missing pairs, or one summary row when the counts
    differ.
-#}
with

scored_leads as (

    select lead_id
    from {{ ref('int_leads_classified') }}
    where row_status = 'scored'

),

active_scorecards as (

    select scorecard_id
    from {{ ref('stg_scorecards') }}
    where is_active

),

scores as (

    select * from {{ ref('lead_scores') }}

),

expected_pairs as (

    select
        scored_leads.lead_id,
        active_scorecards.scorecard_id

    from scored_leads
    cross join active_scorecards

),

missing_pairs as (

    select
        expected_pairs.lead_id,
        expected_pairs.scorecard_id,
        'missing from lead_scores' as problem

    from expected_pairs
    left join scores
        on
            expected_pairs.lead_id = scores.lead_id
            and expected_pairs.scorecard_id = scores.scorecard_id
    where scores.lead_id is null

),

counts as (

    select
        (select count(*) from scores) as score_rows,
        (select count(*) from scored_leads) * (select count(*) from active_scorecards) as expected_rows

),

count_mismatch as (

    select
        cast(null as {{ dbt.type_string() }}) as lead_id,
        cast(null as {{ dbt.type_string() }}) as scorecard_id,
        'lead_scores has ' || cast(score_rows as {{ dbt.type_string() }}) || ' rows, expected '
        || cast(expected_rows as {{ dbt.type_string() }}) as problem

    from counts
    where score_rows <> expected_rows

),

final as (

    select * from missing_pairs
    union all
    select * from count_mismatch

)

select * from final
