{#-
    One row per scored lead and engagement rule that contributes (SCORING.md §3), with the
    occurrences it counted and its points (before quantisation), from the lead's day counts
    (int_lead_engagement_days_counted) within the rule's window as of the scoring date:
    - `each`: the `max_count` most recent matches (the most recent days first; the oldest
      counted day may count part of its matches; max_count 1: the most recent day), each
      worth
      points * 0.5 ^ (age_days / half_life_days) (no half-life: no decay);
    - `at_least`: points once when the lead has at least `value` matches in the window;
    - `none`: points once when the lead has no match in the window, and only for leads
      created at least `window_days` days before as_of (no window: every lead).
-#}
{%- set age_days = dbt.datediff('each_days.event_date', as_of_date(), 'day') %}

with

days as (

    select * from {{ ref('int_lead_engagement_days_counted') }}
    where rule_id is not null and event_count > 0

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

-- the matches of scored leads within each rule's window, one row per day
matches as (

    select
        days.lead_id,
        days.rule_id,
        days.event_date,
        days.event_count

    from days
    inner join rules
        on days.rule_id = rules.rule_id
    inner join leads
        on days.lead_id = leads.lead_id
    where
        rules.window_days is null
        or days.event_date >= cast({{ dbt.dateadd('day', '1 - rules.window_days', as_of_date()) }} as date)

),

-- `each` with max_count 1: one match of the most recent day
each_latest_days as (

    select
        matches.lead_id,
        matches.rule_id,
        max(matches.event_date) as event_date

    from matches
    inner join rules
        on matches.rule_id = rules.rule_id
    where rules.operator = 'each' and rules.max_count = 1
    group by matches.lead_id, matches.rule_id

),

-- `each` with a larger max_count: how many of a day's matches are among the most recent
each_capped_days as (

    select
        matches.lead_id,
        matches.rule_id,
        matches.event_date,
        least(
            matches.event_count,
            rules.max_count - (
                sum(matches.event_count) over (
                    partition by matches.lead_id, matches.rule_id
                    order by matches.event_date desc
                    rows between unbounded preceding and current row
                ) - matches.event_count
            )
        ) as counted

    from matches
    inner join rules
        on matches.rule_id = rules.rule_id
    where rules.operator = 'each' and rules.max_count > 1

),

each_days as (

    select
        lead_id,
        rule_id,
        event_date,
        1 as counted

    from each_latest_days

    union all

    select
        matches.lead_id,
        matches.rule_id,
        matches.event_date,
        matches.event_count as counted

    from matches
    inner join rules
        on matches.rule_id = rules.rule_id
    where rules.operator = 'each' and rules.max_count is null

    union all

    select
        lead_id,
        rule_id,
        event_date,
        counted

    from each_capped_days

),

each_scored as (

    select
        each_days.lead_id,
        rules.rule_id,
        sum(each_days.counted) as occurrences,
        max(each_days.event_date) as last_event_date,
        sum(
            each_days.counted * rules.points * case
                when rules.half_life_days is null then 1.0
                else power(0.5, cast({{ age_days }} as {{ type_double() }}) / rules.half_life_days)
            end
        ) as points

    from each_days
    inner join rules
        on each_days.rule_id = rules.rule_id
    where each_days.counted > 0
    group by each_days.lead_id, rules.rule_id

),

match_counts as (

    select
        lead_id,
        rule_id,
        sum(event_count) as occurrences,
        max(event_date) as last_event_date

    from matches
    group by lead_id, rule_id

),

at_least_scored as (

    select
        match_counts.lead_id,
        rules.rule_id,
        match_counts.occurrences,
        match_counts.last_event_date,
        rules.points

    from match_counts
    inner join rules
        on match_counts.rule_id = rules.rule_id
    where
        rules.operator = 'at_least'
        and match_counts.occurrences >= rules.value_number

),

none_scored as (

    select
        leads.lead_id,
        rules.rule_id,
        0 as occurrences,
        cast(null as date) as last_event_date,
        rules.points

    from leads
    cross join rules
    left join match_counts
        on
            leads.lead_id = match_counts.lead_id
            and rules.rule_id = match_counts.rule_id
    where
        rules.operator = 'none'
        and match_counts.lead_id is null
        and (rules.window_days is null or leads.lead_age_days >= rules.window_days)

),

unioned as (

    select * from each_scored
    union all
    select * from at_least_scored
    union all
    select * from none_scored

),

final as (

    select
        unioned.lead_id,
        rules.scorecard_id,
        unioned.rule_id,
        rules.dimension,
        rules.rule_group,
        rules.description,
        unioned.occurrences,
        unioned.last_event_date,
        unioned.points

    from unioned
    inner join rules
        on unioned.rule_id = rules.rule_id

)

select * from final
