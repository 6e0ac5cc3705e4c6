{#-
    One row per scored lead and engagement rule that contributes (SCORING.md §3), with the
    occurrences it counted and its points (before quantisation), from the lead's date list
    (int_lead_engagement_dates_listed) within the rule's window as of the scoring date:
    - `each`: the `max_count` most recent matches (all without a cap), each worth
      points * 0.5 ^ (age_days / half_life_days) (no half-life: no decay);
    - `at_least`: points once when the lead has at least `value` matches in the window;
    - `none`: points once when the lead has no match in the window, and only for leads
      created at least `window_days` days before as_of (no window: every lead).
-#}
with

state as (

    select * from {{ ref('int_lead_engagement_dates_listed') }}
    where rule_id is not null

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

engagement_keys as (

    select * from {{ ref('int_engagement_keys_unioned') }}
    where rule_id is not null

),

-- each rule with the first day of its window
rule_windows as (

    select
        rules.*,
        engagement_keys.first_event_date

    from rules
    inner join engagement_keys
        on rules.rule_id = engagement_keys.rule_id

),

-- per scored lead and rule with a match: its matches in the window and the latest one
measured as (

    select
        state.lead_id,
        state.event_dates,
        rule_windows.rule_id,
        rule_windows.operator,
        rule_windows.points,
        rule_windows.max_count,
        rule_windows.half_life_days,
        rule_windows.value_number,
        {{ date_list_count('state.event_dates', 'rule_windows.first_event_date') }} as matches,
        {{ date_list_latest('state.event_dates', 'rule_windows.first_event_date') }} as last_event_date

    from state
    inner join rule_windows
        on state.rule_id = rule_windows.rule_id
    inner join leads
        on state.lead_id = leads.lead_id

),

-- `each`: the max_count most recent matches count (the list is most recent first)
each_counted as (

    select
        *,
        case when max_count < matches then max_count else matches end as occurrences

    from measured
    where operator = 'each' and matches > 0

),

each_scored as (

    select
        lead_id,
        rule_id,
        occurrences,
        last_event_date,
        points * {{ date_list_decayed_sum('event_dates', 'occurrences', 'half_life_days') }} as points

    from each_counted

),

at_least_scored as (

    select
        lead_id,
        rule_id,
        matches as occurrences,
        last_event_date,
        points

    from measured
    where operator = 'at_least' and matches >= value_number

),

none_scored as (

    select
        leads.lead_id,
        rule_windows.rule_id,
        0 as occurrences,
        cast(null as date) as last_event_date,
        rule_windows.points

    from leads
    cross join rule_windows
    left join measured
        on
            leads.lead_id = measured.lead_id
            and rule_windows.rule_id = measured.rule_id
            and measured.matches > 0
    where
        rule_windows.operator = 'none'
        and measured.lead_id is null
        and (rule_windows.window_days is null or leads.lead_age_days >= rule_windows.window_days)

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
