{#-
    The evidence for each rule (SCORING.md §6): one row per active scorecard, active rule and
    evaluated cut-off, and pooled (is_pooled true, cutoff_on null: as in scorecard_evaluation).
    The rule's band is the leads of the population whose breakdown as of the cut-off has the
    rule (int_evaluation_lead_rules_listed); the other band, the rest of the population. lift:
    the band's conversion rate / the population's. weight_of_evidence: ln(the band's share of
    the converting leads / its share of the non-converting ones), null when one of them is 0
    (the evidence is unbounded). information_value: the sum over the two bands of (share of
    the converting - share of the non-converting) x their weight of evidence; a band without
    leads adds 0, one whose weight of evidence is unbounded makes it null. direction says in
    words whether the rule's points point the way its leads convert (is_wrong_way: positive
    points with a lift below 1, negative points with a lift above 1, or an exclusion of leads
    whose lift is above 1).
-#}
with

scoped as (

    select * from {{ ref('int_evaluation_leads_scoped') }}

),

lead_rules as (

    select * from {{ ref('int_evaluation_lead_rules_listed') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}

),

populations as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        count(*) as population_leads,
        sum(case when has_converted then 1 else 0 end) as population_conversions

    from scoped
    group by scorecard_id, is_pooled, cutoff_on

),

rule_bands as (

    select
        scoped.scorecard_id,
        scoped.is_pooled,
        scoped.cutoff_on,
        lead_rules.rule_id,
        count(*) as rule_leads,
        sum(case when scoped.has_converted then 1 else 0 end) as rule_conversions

    from scoped
    inner join lead_rules
        on
            scoped.population_cutoff_on = lead_rules.cutoff_on
            and scoped.scorecard_id = lead_rules.scorecard_id
            and scoped.lead_id = lead_rules.lead_id
    group by scoped.scorecard_id, scoped.is_pooled, scoped.cutoff_on, lead_rules.rule_id

),

-- every rule of the scorecard in every population, with the counts of its two bands
counted as (

    select
        populations.scorecard_id,
        populations.is_pooled,
        populations.cutoff_on,
        rules.rule_id,
        rules.dimension,
        rules.description,
        rules.points as rule_points,
        populations.population_leads,
        populations.population_conversions,
        coalesce(rule_bands.rule_leads, 0) as rule_leads,
        coalesce(rule_bands.rule_conversions, 0) as rule_conversions

    from populations
    inner join rules
        on populations.scorecard_id = rules.scorecard_id
    left join rule_bands
        on
            populations.scorecard_id = rule_bands.scorecard_id
            and populations.is_pooled = rule_bands.is_pooled
            and rules.rule_id = rule_bands.rule_id
            and (
                populations.cutoff_on = rule_bands.cutoff_on
                or (populations.cutoff_on is null and rule_bands.cutoff_on is null)
            )

),

banded as (

    select
        *,
        rule_leads - rule_conversions as rule_non_conversions,
        population_leads - rule_leads as other_leads,
        population_conversions - rule_conversions as other_conversions,
        population_leads - population_conversions - rule_leads + rule_conversions
            as other_non_conversions,
        population_leads - population_conversions as population_non_conversions

    from counted

),

evidenced as (

    select
        *,
        {{ ratio('rule_conversions * population_leads', 'rule_leads * population_conversions') }}
            as lift,
        case
            when rule_conversions > 0 and rule_non_conversions > 0
                then ln({{ ratio(
                    'rule_conversions * population_non_conversions',
                    'rule_non_conversions * population_conversions'
                ) }})
        end as rule_woe,
        case
            when other_conversions > 0 and other_non_conversions > 0
                then ln({{ ratio(
                    'other_conversions * population_non_conversions',
                    'other_non_conversions * population_conversions'
                ) }})
        end as other_woe,
        {{ ratio('rule_conversions', 'population_conversions') }}
        - {{ ratio('rule_non_conversions', 'population_non_conversions') }} as rule_share_gap,
        {{ ratio('other_conversions', 'population_conversions') }}
        - {{ ratio('other_non_conversions', 'population_non_conversions') }} as other_share_gap

    from banded

),

judged as (

    select
        *,
        coalesce(
            (dimension = 'exclusion' and lift > 1)
            or (dimension <> 'exclusion' and rule_points > 0 and lift < 1)
            or (dimension <> 'exclusion' and rule_points < 0 and lift > 1),
            false
        ) as is_wrong_way

    from evidenced

),

final as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        rule_id,
        dimension,
        description,
        cast(rule_points as {{ points_type() }}) as rule_points,
        cast(rule_leads as {{ dbt.type_bigint() }}) as leads,
        cast(rule_conversions as {{ dbt.type_bigint() }}) as conversions,
        {{ ratio('rule_conversions', 'rule_leads') }} as conversion_rate,
        cast(other_leads as {{ dbt.type_bigint() }}) as other_leads,
        cast(other_conversions as {{ dbt.type_bigint() }}) as other_conversions,
        {{ ratio('other_conversions', 'other_leads') }} as other_conversion_rate,
        lift,
        rule_woe as weight_of_evidence,
        case
            when population_conversions = 0 or population_non_conversions = 0 then null
            when rule_leads > 0 and rule_woe is null then null
            when other_leads > 0 and other_woe is null then null
            else
                coalesce(rule_share_gap * rule_woe, 0)
                + coalesce(other_share_gap * other_woe, 0)
        end as information_value,
        is_wrong_way,
        case
            when rule_leads = 0 then 'no evidence: the rule scored no lead'
            when population_conversions = 0 then 'no evidence: no lead converted'
            when dimension <> 'exclusion' and rule_points = 0
                then 'no points: the rule adds nothing to the score'
            when is_wrong_way and dimension = 'exclusion'
                then 'wrong way: it excludes leads that convert more often than the others'
            when is_wrong_way and rule_points > 0
                then 'wrong way: positive points, but its leads convert less often than the others'
            when is_wrong_way
                then 'wrong way: negative points, but its leads convert more often than the others'
            when lift = 1 then 'no difference: its leads convert as often as the others'
            when dimension = 'exclusion'
                then 'right way: the leads it excludes convert less often than the others'
            when rule_points > 0
                then 'right way: positive points, its leads convert more often than the others'
            else 'right way: negative points, its leads convert less often than the others'
        end as direction

    from judged

)

select * from final
