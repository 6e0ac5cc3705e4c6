{#-
    One row per lead, active scorecard, stage (mql, sql) and episode: a maximal run of
    consecutive days of lead_score_history in that stage (SCORING.md §5). A lead that was an
    MQL, dropped out (decay) and came back has two episodes. started_on: the first day in the
    stage (the history's first day when the lead was already in it then:
    is_started_before_history); ended_on: the first day no longer in it (null while ongoing);
    end_reason: why, in words, from the lead's outputs on that day; days_in_stage: days from
    started_on to ended_on (to the day after as_of while ongoing). A lead's fit, exclusion and
    deadness do not change over a replay of the inputs (a lead has one set of attributes), so
    an episode ends when the score falls below the stage's cut-off (an SQL episode: below the
    SQL cut-off with no trigger event in its window, or the lead is no longer an MQL).
-#}
with

history as (

    select * from {{ ref('lead_score_history') }}

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

stage_periods as (

    select
        lead_id,
        scorecard_id,
        'mql' as stage,
        valid_from,
        valid_to,
        is_mql as is_in_stage

    from history

    union all

    select
        lead_id,
        scorecard_id,
        'sql' as stage,
        valid_from,
        valid_to,
        is_sql as is_in_stage

    from history

),

-- each period with the number of the episode it belongs to (periods in a stage, counted from
-- the first; a period that enters the stage starts the next episode)
numbered as (

    select
        *,
        sum(case when is_entry then 1 else 0 end) over (
            partition by lead_id, scorecard_id, stage order by valid_from rows unbounded preceding
        ) as episode_number

    from (
        select
            *,
            is_in_stage and not coalesce(
                lag(is_in_stage) over (partition by lead_id, scorecard_id, stage order by valid_from),
                false
            ) as is_entry

        from stage_periods
    ) as entries

),

episodes as (

    select
        lead_id,
        scorecard_id,
        stage,
        episode_number,
        min(valid_from) as started_on,
        -- the last period's end: null when the last one is open
        case when count(valid_to) = count(*) then max(valid_to) end as ended_on

    from numbered
    where is_in_stage
    group by lead_id, scorecard_id, stage, episode_number

),

-- the outputs of the day an episode ends
ending as (

    select
        episodes.*,
        history.total_score,
        history.is_mql,
        scorecards.mql_min_score_text,
        scorecards.sql_min_score_text

    from episodes
    inner join scorecards
        on episodes.scorecard_id = scorecards.scorecard_id
    left join history
        on
            episodes.lead_id = history.lead_id
            and episodes.scorecard_id = history.scorecard_id
            and episodes.ended_on = history.valid_from

),

final as (

    select
        ending.lead_id,
        ending.scorecard_id,
        ending.stage,
        cast(ending.episode_number as {{ dbt.type_int() }}) as episode_number,
        ending.started_on,
        ending.ended_on,
        case
            when ending.ended_on is null then cast(null as {{ dbt.type_string() }})
            when ending.stage = 'sql' and ending.is_mql
                then 'the total score fell below the SQL cut-off ('
                    || cast(ending.total_score as {{ dbt.type_string() }}) || ' < '
                    || ending.sql_min_score_text
                    || ') and no trigger event is in the trigger window'
            else
                case when ending.stage = 'sql' then 'no longer an MQL: ' else '' end
                || 'the total score fell below the MQL cut-off ('
                || cast(ending.total_score as {{ dbt.type_string() }}) || ' < '
                || ending.mql_min_score_text || ')'
        end as end_reason,
        cast({{ dbt.datediff(
            'ending.started_on',
            'coalesce(ending.ended_on, cast(' ~ dbt.dateadd('day', 1, as_of_date()) ~ ' as date))',
            'day',
        ) }} as {{ dbt.type_int() }}) as days_in_stage,
        ending.started_on = {{ history_first_date() }}
        and cast(leads.created_at as date) < {{ history_first_date() }} as is_started_before_history

    from ending
    inner join leads
        on ending.lead_id = leads.lead_id

)

select * from final
