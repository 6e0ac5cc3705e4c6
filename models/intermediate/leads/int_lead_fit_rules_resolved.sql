{#-
    One row per lead and fit rule that counts: among the matching fit rules of one rule_group
    only the one with the most points counts (ties: the smallest rule_id). A rule with an
    empty rule_group is its own group.
-#}
with

matched as (

    select * from {{ ref('int_lead_fit_rules_matched') }}
    where dimension = 'fit'

),

ranked as (

    select
        *,
        row_number() over (
            partition by lead_id, scorecard_id, rule_group
            order by points desc, rule_id asc
        ) as group_rank

    from matched

),

final as (

    select
        lead_id,
        scorecard_id,
        rule_id,
        dimension,
        rule_group,
        description,
        points

    from ranked
    where group_rank = 1

)

select * from final
