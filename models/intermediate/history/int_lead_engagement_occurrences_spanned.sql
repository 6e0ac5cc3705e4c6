{#-
    One row per lead, engagement key, match day and last day of counting (SCORING.md §3): the
    days on which the day's matches count, from the match day (active_from) to active_until
    (exclusive; null: still counting after as_of). A match counts while it is in the key's
    window (active_until = match day + window_days) and, for a capped `each` rule, until
    max_count later matches have come (the match max_count places after it, in time order:
    only the max_count most recent count). Matches of one day that part at different days
    (a capped rule's) are rows of their own. Rows that stop counting before the history's
    first day are left out. Each row carries what scoring needs of its key: scorecard, rule
    (null for a scorecard's SQL trigger), operator, points, half-life, count, window.
-#}
{{ config(materialized='table') }}

with

matches as (

    select * from {{ ref('int_lead_engagement_matches_dated') }}

),

engagement_keys as (

    select * from {{ ref('int_engagement_keys_unioned') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

keys as (

    select
        engagement_keys.key_number,
        engagement_keys.scorecard_id,
        engagement_keys.rule_id,
        engagement_keys.window_days,
        rules.operator,
        rules.points,
        rules.half_life_days,
        rules.value_number,
        case when rules.operator = 'each' then rules.max_count end as max_count

    from engagement_keys
    left join rules
        on engagement_keys.rule_id = rules.rule_id

),

-- a capped rule's matches one by one, numbered in time order (matches of one day are worth
-- the same, so their order among themselves changes no score)
capped_occurrences as (

    select
        lead_id,
        key_number,
        event_date,
        row_number() over (partition by lead_id, key_number order by event_date) as occurrence_number

    from (
        select
            matches.lead_id,
            matches.key_number,
            matches.event_date,
            {{ day_offsets('matches.match_count') }} as copy_number

        from matches
        inner join keys
            on matches.key_number = keys.key_number
        where keys.max_count is not null
    ) as copies

),

-- each capped match with the day the max_count-th later match displaces it
capped_spans as (

    select
        capped_occurrences.lead_id,
        capped_occurrences.key_number,
        capped_occurrences.event_date,
        1 as match_count,
        later.event_date as displaced_on

    from capped_occurrences
    inner join keys
        on capped_occurrences.key_number = keys.key_number
    left join capped_occurrences as later
        on
            capped_occurrences.lead_id = later.lead_id
            and capped_occurrences.key_number = later.key_number
            and later.occurrence_number = capped_occurrences.occurrence_number + keys.max_count

),

uncapped_spans as (

    select
        matches.lead_id,
        matches.key_number,
        matches.event_date,
        matches.match_count,
        cast(null as date) as displaced_on

    from matches
    inner join keys
        on matches.key_number = keys.key_number
    where keys.max_count is null

),

spans as (

    select * from capped_spans
    union all
    select * from uncapped_spans

),

bounded as (

    select
        lead_id,
        key_number,
        event_date,
        match_count,
        case
            when window_end is null then displaced_on
            when displaced_on is null then window_end
            else least(displaced_on, window_end)
        end as active_until

    from (
        select
            spans.*,
            cast({{ dbt.dateadd('day', 'keys.window_days', 'spans.event_date') }} as date) as window_end
        from spans
        inner join keys
            on spans.key_number = keys.key_number
    ) as windowed

),

final as (

    select
        bounded.lead_id,
        bounded.key_number,
        keys.scorecard_id,
        keys.rule_id,
        keys.operator,
        keys.points,
        keys.half_life_days,
        keys.value_number,
        keys.window_days,
        bounded.event_date as active_from,
        bounded.active_until,
        cast(sum(bounded.match_count) as {{ dbt.type_bigint() }}) as match_count

    from bounded
    inner join keys
        on bounded.key_number = keys.key_number
    where
        -- (a capped match displaced on its own day by later matches of that day never counts)
        bounded.active_until is null
        or (
            bounded.active_until > {{ history_first_date() }}
            and bounded.active_until > bounded.event_date
        )
    group by
        bounded.lead_id,
        bounded.key_number,
        keys.scorecard_id,
        keys.rule_id,
        keys.operator,
        keys.points,
        keys.half_life_days,
        keys.value_number,
        keys.window_days,
        bounded.event_date,
        bounded.active_until

)

select * from final
