{#-
    is_sql implies is_mql (SCORING.md §4: "is_sql: is_mql and ..."), and an MQL is never
    excluded nor dead. Returns the rows that break it.
-#}
select
    lead_id,
    scorecard_id,
    is_excluded,
    tier,
    is_mql,
    is_sql

from {{ ref('lead_scores') }}
where
    (is_sql and not is_mql)
    or (is_mql and (is_excluded or tier = 'dead'))
