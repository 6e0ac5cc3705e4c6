{#-
    The reconciliation's scored counts are what the marts really hold: scored leads are the
    leads of lead_scores (each has one row per active scorecard). Returns a row on mismatch.
-#}
with

reconciliation as (

    select * from {{ ref('data_quality_reconciliation') }}
    where source_name = 'leads'

),

scores as (

    select count(distinct lead_id) as scored_leads from {{ ref('lead_scores') }}

),

final as (

    select
        reconciliation.scored_rows,
        scores.scored_leads

    from reconciliation
    cross join scores
    where reconciliation.scored_rows <> scores.scored_leads

)

select * from final
