{#-
    One row per evaluated cut-off, active scorecard, lead of the cut-off's population
    (int_evaluation_leads_labelled) and rule in the lead's breakdown as of the cut-off
    (SCORING.md §3 with as_of = the cut-off, as lead_score_breakdown lists them): the fit
    rules that count after rule_group resolution and the exclusion rules that match (a lead's
    attributes are one snapshot: the same on every cut-off), and the engagement rules that
    score on the cut-off: `each` with a match in its window, `at_least` with at least `value`
    matches, `none` with no match, for a lead created at least window_days before the cut-off.
-#}
with

labelled as (

    select * from {{ ref('int_evaluation_leads_labelled') }}

),

fit_rules as (

    select * from {{ ref('int_lead_fit_rules_resolved') }}

),

exclusion_rules as (

    select * from {{ ref('int_lead_fit_rules_matched') }}
    where dimension = 'exclusion'

),

engagement_counts as (

    select * from {{ ref('int_evaluation_engagement_rules_counted') }}

),

engagement_rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

attribute_rules as (

    select
        lead_id,
        scorecard_id,
        rule_id

    from fit_rules

    union all

    select
        lead_id,
        scorecard_id,
        rule_id

    from exclusion_rules

),

attribute_listed as (

    select
        labelled.cutoff_on,
        labelled.scorecard_id,
        labelled.lead_id,
        attribute_rules.rule_id

    from labelled
    inner join attribute_rules
        on
            labelled.lead_id = attribute_rules.lead_id
            and labelled.scorecard_id = attribute_rules.scorecard_id

),

counted_listed as (

    select
        labelled.cutoff_on,
        labelled.scorecard_id,
        labelled.lead_id,
        engagement_rules.rule_id

    from engagement_counts
    inner join engagement_rules
        on engagement_counts.rule_id = engagement_rules.rule_id
    inner join labelled
        on
            engagement_counts.cutoff_on = labelled.cutoff_on
            and engagement_counts.lead_id = labelled.lead_id
            and engagement_rules.scorecard_id = labelled.scorecard_id
    where
        engagement_rules.operator = 'each'
        or (
            engagement_rules.operator = 'at_least'
            and engagement_counts.matches >= engagement_rules.value_number
        )

),

none_listed as (

    select
        labelled.cutoff_on,
        labelled.scorecard_id,
        labelled.lead_id,
        engagement_rules.rule_id

    from labelled
    inner join engagement_rules
        on labelled.scorecard_id = engagement_rules.scorecard_id
    inner join leads
        on labelled.lead_id = leads.lead_id
    left join engagement_counts
        on
            labelled.cutoff_on = engagement_counts.cutoff_on
            and labelled.lead_id = engagement_counts.lead_id
            and engagement_rules.rule_id = engagement_counts.rule_id
    where
        engagement_rules.operator = 'none'
        and engagement_counts.lead_id is null
        and (
            engagement_rules.window_days is null
            or {{ dbt.datediff('cast(leads.created_at as date)', 'labelled.cutoff_on', 'day') }}
            >= engagement_rules.window_days
        )

),

final as (

    select * from attribute_listed
    union all
    select * from counted_listed
    union all
    select * from none_listed

)

select * from final
