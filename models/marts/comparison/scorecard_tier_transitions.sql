{#-
    One row per scorecard that names a baseline (baseline_scorecard_id), tier under the
    baseline and tier under the scorecard, as of the scoring date: how many leads move from
    each tier to each other (a transition table; every one of the 16 pairs, 0 when no lead
    moves so). The leads are those both score (every lead: all active scorecards score all).
-#}
with

scores as (

    select * from {{ ref('lead_scores') }}

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

tiers as (
    {%- for tier in tier_names() %}

    select
        '{{ tier }}' as tier,
        {{ loop.index }} as tier_rank
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}

),

paired as (

    select
        scorecards.scorecard_id,
        scorecards.baseline_scorecard_id,
        scored.as_of_date,
        baseline.tier as baseline_tier,
        scored.tier
    from scorecards
    inner join scores as scored
        on scorecards.scorecard_id = scored.scorecard_id
    inner join scores as baseline
        on
            scorecards.baseline_scorecard_id = baseline.scorecard_id
            and scored.lead_id = baseline.lead_id

),

counted as (

    select
        scorecard_id,
        baseline_tier,
        tier,
        count(*) as leads
    from paired
    group by scorecard_id, baseline_tier, tier

),

baseline_totals as (

    select
        scorecard_id,
        baseline_tier,
        count(*) as baseline_tier_leads
    from paired
    group by scorecard_id, baseline_tier

),

grid as (

    select
        scorecards.scorecard_id,
        scorecards.baseline_scorecard_id,
        {{ as_of_date() }} as as_of_date,
        from_tiers.tier as baseline_tier,
        from_tiers.tier_rank as baseline_tier_rank,
        to_tiers.tier,
        to_tiers.tier_rank
    from scorecards
    cross join tiers as from_tiers
    cross join tiers as to_tiers
    where scorecards.baseline_scorecard_id is not null

),

final as (

    select
        grid.scorecard_id,
        grid.baseline_scorecard_id,
        grid.as_of_date,
        grid.baseline_tier,
        grid.baseline_tier_rank,
        grid.tier,
        grid.tier_rank,
        coalesce(counted.leads, 0) as leads,
        case
            when grid.tier_rank < grid.baseline_tier_rank then 'up'
            when grid.tier_rank > grid.baseline_tier_rank then 'down'
            else 'same'
        end as direction,
        {{ ratio('coalesce(counted.leads, 0)', 'coalesce(baseline_totals.baseline_tier_leads, 0)') }}
            as share_of_baseline_tier
    from grid
    left join counted
        on
            grid.scorecard_id = counted.scorecard_id
            and grid.baseline_tier = counted.baseline_tier
            and grid.tier = counted.tier
    left join baseline_totals
        on
            grid.scorecard_id = baseline_totals.scorecard_id
            and grid.baseline_tier = baseline_totals.baseline_tier

)

select * from final
