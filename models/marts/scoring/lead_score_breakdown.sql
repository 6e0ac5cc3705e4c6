{#-
    One row per lead, scorecard and contributing rule: the fit rules that count after rule
    group resolution, the engagement rules that scored (after caps, windows and decay), and the
    exclusion rules that matched (0 points). Points are quantised to 6 decimals per row, so
    fit_points and engagement_points of lead_scores are exactly the sums of these rows.
-#}
with

fit_rules as (

    select * from {{ ref('int_lead_fit_rules_resolved') }}

),

exclusion_rules as (

    select * from {{ ref('int_lead_fit_rules_matched') }}
    where dimension = 'exclusion'

),

engagement_rules as (

    select * from {{ ref('int_lead_engagement_rules_scored') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}

),

unioned as (

    select
        lead_id,
        scorecard_id,
        rule_id,
        1 as occurrences,
        cast(null as date) as last_event_date,
        points

    from fit_rules

    union all

    select
        lead_id,
        scorecard_id,
        rule_id,
        1 as occurrences,
        cast(null as date) as last_event_date,
        0 as points

    from exclusion_rules

    union all

    select
        lead_id,
        scorecard_id,
        rule_id,
        occurrences,
        last_event_date,
        points

    from engagement_rules

),

final as (

    select
        unioned.lead_id,
        unioned.scorecard_id,
        {{ as_of_date() }} as as_of_date,
        unioned.rule_id,
        rules.dimension,
        rules.rule_group,
        rules.description,
        cast(rules.points as {{ points_type() }}) as rule_points,
        cast(unioned.occurrences as {{ dbt.type_int() }}) as occurrences,
        unioned.last_event_date,
        cast(unioned.points as {{ points_type() }}) as points

    from unioned
    inner join rules
        on unioned.rule_id = rules.rule_id

)

select * from final
