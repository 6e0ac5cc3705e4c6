{#-
    One row per scored lead and active scorecard: the lead's way through the funnel over the
    history (lead_stage_episodes) and its conversion (conversions, the earliest on or before
    as_of). first_mql_on / latest_mql_on: the start of its first and latest MQL episode in
    the history, mql_episodes their number; first_sql_on: the start of its first SQL episode;
    null when it was never in the stage during the history (whose first day is
    history_days - 1 days before as_of: for a lead created earlier, "first" means first in
    the history, is_created_before_history). converted_on: null when the lead has not
    converted by as_of. The days between them are null when either day is; mql_conversion
    says whether the lead converted while an MQL, after being one, before its first MQL day,
    or without ever being one in the history (null: no conversion).
-#}
with

scores as (

    select * from {{ ref('lead_scores') }}

),

episodes as (

    select * from {{ ref('lead_stage_episodes') }}

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

conversions as (

    select * from {{ ref('int_lead_conversions_aggregated') }}

),

first_conversions as (

    select
        lead_id,
        converted_on

    from conversions
    where converted_on <= {{ as_of_date() }}

),

stages as (

    select
        lead_id,
        scorecard_id,
        min(case when stage = 'mql' then started_on end) as first_mql_on,
        max(case when stage = 'mql' then started_on end) as latest_mql_on,
        sum(case when stage = 'mql' then 1 else 0 end) as mql_episodes,
        min(case when stage = 'sql' then started_on end) as first_sql_on

    from episodes
    group by lead_id, scorecard_id

),

-- the MQL episode (if any) a conversion day falls in
converting_episodes as (

    select
        episodes.lead_id,
        episodes.scorecard_id

    from episodes
    inner join first_conversions
        on episodes.lead_id = first_conversions.lead_id
    where
        episodes.stage = 'mql'
        and first_conversions.converted_on >= episodes.started_on
        and (episodes.ended_on is null or first_conversions.converted_on < episodes.ended_on)

),

dated as (

    select
        scores.lead_id,
        scores.scorecard_id,
        cast(leads.created_at as date) as created_on,
        stages.first_mql_on,
        stages.latest_mql_on,
        coalesce(stages.mql_episodes, 0) as mql_episodes,
        stages.first_sql_on,
        first_conversions.converted_on,
        converting_episodes.lead_id is not null as is_converted_while_mql

    from scores
    inner join leads
        on scores.lead_id = leads.lead_id
    left join stages
        on scores.lead_id = stages.lead_id and scores.scorecard_id = stages.scorecard_id
    left join first_conversions
        on scores.lead_id = first_conversions.lead_id
    left join converting_episodes
        on
            scores.lead_id = converting_episodes.lead_id
            and scores.scorecard_id = converting_episodes.scorecard_id

),

final as (

    select
        lead_id,
        scorecard_id,
        created_on,
        first_mql_on,
        latest_mql_on,
        cast(mql_episodes as {{ dbt.type_int() }}) as mql_episodes,
        first_sql_on,
        converted_on,
        cast(days_to_first_mql as {{ dbt.type_int() }}) as days_to_first_mql,
        cast(days_mql_to_sql as {{ dbt.type_int() }}) as days_mql_to_sql,
        cast(days_mql_to_conversion as {{ dbt.type_int() }}) as days_mql_to_conversion,
        case
            when converted_on is null then cast(null as {{ dbt.type_string() }})
            when is_converted_while_mql then 'while_mql'
            when first_mql_on is null then 'never_mql'
            when converted_on < first_mql_on then 'before_mql'
            else 'after_mql'
        end as mql_conversion,
        created_on < {{ history_first_date() }} as is_created_before_history

    from (
        select
            *,
            {{ dbt.datediff('created_on', 'first_mql_on', 'day') }}
                as days_to_first_mql,
            {{ dbt.datediff('first_mql_on', 'first_sql_on', 'day') }}
                as days_mql_to_sql,
            {{ dbt.datediff('first_mql_on', 'converted_on', 'day') }}
                as days_mql_to_conversion
        from dated
    ) as counted

)

select * from final
