{#-
    lead_funnel is made of lead_stage_episodes: a lead's mql_episodes is the number of its
    MQL episodes, first_mql_on / latest_mql_on the first and last of their first days,
    first_sql_on the first day of its first SQL episode; a lead without an episode has zero
    and nulls. Returns the funnel rows that disagree.
-#}
with

episodes as (

    select
        lead_id,
        scorecard_id,
        sum(case when stage = 'mql' then 1 else 0 end) as mql_episodes,
        min(case when stage = 'mql' then started_on end) as first_mql_on,
        max(case when stage = 'mql' then started_on end) as latest_mql_on,
        min(case when stage = 'sql' then started_on end) as first_sql_on

    from {{ ref('lead_stage_episodes') }}
    group by lead_id, scorecard_id

)

select
    funnel.lead_id,
    funnel.scorecard_id

from {{ ref('lead_funnel') }} as funnel
left join episodes
    on funnel.lead_id = episodes.lead_id and funnel.scorecard_id = episodes.scorecard_id
where
    funnel.mql_episodes <> coalesce(episodes.mql_episodes, 0)
    or funnel.first_mql_on is distinct from episodes.first_mql_on
    or funnel.latest_mql_on is distinct from episodes.latest_mql_on
    or funnel.first_sql_on is distinct from episodes.first_sql_on
