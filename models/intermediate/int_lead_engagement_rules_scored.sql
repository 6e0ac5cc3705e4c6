{#-
    One row per lead and engagement rule that contributes (SCORING.md §3), with the
    occurrences it counted and its points (before quantisation):
    - `each`: the `max_count` most recent matches, each worth
      points * 0.5 ^ (age_days / half_life_days) (no half-life: no decay);
    - `at_least`: points once when the lead has at least `value` matches in the window;
    - `none`: points once when the lead has no match in the window, and only for leads
      created at least `window_days` days before as_of (no window: every lead).
-#}
with

matches as (

    select * from {{ ref('int_lead_events_matched') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

each_scored as (

    select
        matches.lead_id,
        rules.rule_id,
        count(*) as occurrences,
        max(matches.event_date) as last_event_date,
        sum(
            rules.points * case
                when rules.half_life_days is null then 1.0
                else power(0.5, cast(matches.age_days as {{ type_double() }}) / rules.half_life_days)
            end
        ) as points

    from matches
    inner join rules
        on matches.rule_id = rules.rule_id
    where
        rules.operator = 'each'
        and (rules.max_count is null or matches.occurrence_rank <= rules.max_count)
    group by matches.lead_id, rules.rule_id

),

match_counts as (

    select
        lead_id,
        rule_id,
        count(*) as occurrences,
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
