{#-
    One row per lead, active scorecard and day on which something that scoring counts changes,
    with how it changes (the deltas of lead_score_history's running totals):
    - exact_delta: the change of the exact points (decimal(18, 6)) of the rules that do not
      decay: an `each` rule without half-life (points x counted matches), an `at_least` rule
      (points while its window holds `value` matches), a `none` rule (points while the lead
      is old enough and its window holds no match); each rule's points quantised as in
      lead_score_breakdown, so the running total is exact;
    - trigger_delta: SQL trigger matches entering (+) or leaving (-) the trigger window;
    - decaying_delta: matches of decaying rules starting (+) or stopping (-) to count;
      unsummed_delta, those of a half-life class that cannot be summed (history_half_lives);
    - class_<n>_delta: for each summable half-life class, points x 2 ^ ((match day - first
      day) / half-life) of the matches starting (+) or stopping (-) to count.
    Plus one row per scored lead and active scorecard on its first day in the history (the
    history's first day, or its creation day), with no change, so that every lead has a
    first period. Days before the history's first day are kept (their deltas make up the
    state of its first day).
-#}
-- depends_on: {{ ref('int_scorecard_rules_filtered') }}
-- depends_on: {{ ref('int_lead_history_leads_listed') }}
{%- set classes = history_half_lives(ref('int_scorecard_rules_filtered')) %}
-- depends_on: {{ ref('int_history_runs_planned') }}
{%- set plan = history_plan() %}

with

occurrences as (

    select * from {{ ref('int_lead_engagement_occurrences_spanned') }}

),

leads as (

    select * from {{ ref('int_leads_enriched') }}
    {%- if plan.daily %}
    -- a daily run: only the leads whose past may have changed
    where lead_id in (select listed.lead_id from {{ ref('int_lead_history_leads_listed') }} as listed)
    {%- endif %}

),

scorecards as (

    select * from {{ ref('int_scorecards_validated') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

-- a match starts counting on its day and stops on active_until
occurrence_edges as (

    select
        lead_id,
        scorecard_id,
        rule_id,
        operator,
        points,
        half_life_days,
        value_number,
        active_from as change_on,
        match_count as count_delta,
        active_from

    from occurrences

    union all

    select
        lead_id,
        scorecard_id,
        rule_id,
        operator,
        points,
        half_life_days,
        value_number,
        active_until as change_on,
        -match_count as count_delta,
        active_from

    from occurrences
    where active_until is not null

),

-- the rules that do not decay: their counted matches, and for `none` the day a lead becomes
-- old enough (lead_age_days >= window_days; no window: its creation day), day by day
exact_rule_edges as (

    select
        lead_id,
        rule_id,
        change_on,
        count_delta,
        0 as eligible_delta

    from occurrence_edges
    where rule_id is not null and (operator <> 'each' or half_life_days is null)

    union all

    select
        leads.lead_id,
        rules.rule_id,
        cast({{ dbt.dateadd('day', 'coalesce(rules.window_days, 0)', 'cast(leads.created_at as date)') }} as date)
            as change_on,
        0 as count_delta,
        1 as eligible_delta

    from leads
    cross join rules
    where rules.operator = 'none' and {{ history_days() }} > 0

),

exact_rule_states as (

    select
        lead_id,
        rule_id,
        change_on,
        sum(sum(count_delta)) over (
            partition by lead_id, rule_id order by change_on rows unbounded preceding
        ) as counted,
        sum(sum(eligible_delta)) over (
            partition by lead_id, rule_id order by change_on rows unbounded preceding
        ) as eligible

    from exact_rule_edges
    group by lead_id, rule_id, change_on

),

exact_rule_points as (

    select
        exact_rule_states.lead_id,
        rules.scorecard_id,
        exact_rule_states.rule_id,
        exact_rule_states.change_on,
        cast(case
            when rules.operator = 'each' then rules.points * exact_rule_states.counted
            when rules.operator = 'at_least' and exact_rule_states.counted >= rules.value_number
                then rules.points
            when rules.operator = 'none' and exact_rule_states.eligible > 0 and exact_rule_states.counted = 0
                then rules.points
            else 0
        end as {{ points_type() }}) as rule_points

    from exact_rule_states
    inner join rules
        on exact_rule_states.rule_id = rules.rule_id

),

exact_changes as (

    select
        lead_id,
        scorecard_id,
        change_on,
        rule_points - coalesce(
            lag(rule_points) over (partition by lead_id, rule_id order by change_on),
            0
        ) as exact_delta

    from exact_rule_points

),

decaying_changes as (

    select
        lead_id,
        scorecard_id,
        change_on,
        count_delta as decaying_delta,
        {%- for class in classes if class.is_summed %}
        case
            when half_life_days = {{ class.half_life }}
                then count_delta * points * power(2, cast(match_days as {{ type_double() }}) / {{ class.half_life }})
            else 0
        end as class_{{ class.number }}_delta,
        {%- endfor %}
        {%- set unsummed = classes | rejectattr('is_summed') | list %}
        {%- if unsummed %}
        case
            {%- for class in unsummed %}
            when half_life_days = {{ class.half_life }} then count_delta
            {%- endfor %}
            else 0
        end as unsummed_delta
        {%- else %}
        0 as unsummed_delta
        {%- endif %}

    from (
        -- the match day's days since the history's first day (negative before it)
        select
            occurrence_edges.*,
            {{ dbt.datediff('history_start.first_day', 'occurrence_edges.active_from', 'day') }}
                as match_days

        from occurrence_edges
        cross join (select {{ history_first_date() }} as first_day) as history_start
        where
            occurrence_edges.rule_id is not null
            and occurrence_edges.operator = 'each'
            and occurrence_edges.half_life_days is not null
    ) as dated_edges

),

trigger_changes as (

    select
        lead_id,
        scorecard_id,
        change_on,
        count_delta as trigger_delta

    from occurrence_edges
    where rule_id is null

),

first_days as (

    select
        leads.lead_id,
        scorecards.scorecard_id,
        greatest({{ history_first_date() }}, cast(leads.created_at as date)) as change_on

    from leads
    cross join scorecards
    where {{ history_days() }} > 0

),

{%- set class_columns = [] %}
{%- for class in classes if class.is_summed %}
{%- do class_columns.append('class_' ~ class.number ~ '_delta') %}
{%- endfor %}

unioned as (

    select
        lead_id,
        scorecard_id,
        change_on,
        exact_delta,
        0 as trigger_delta,
        0 as decaying_delta,
        0 as unsummed_delta{% for column in class_columns %},
        cast(0 as {{ type_double() }}) as {{ column }}{% endfor %}

    from exact_changes

    union all

    select
        lead_id,
        scorecard_id,
        change_on,
        cast(0 as {{ points_type() }}) as exact_delta,
        0 as trigger_delta,
        decaying_delta,
        unsummed_delta{% for column in class_columns %},
        {{ column }}{% endfor %}

    from decaying_changes

    union all

    select
        lead_id,
        scorecard_id,
        change_on,
        cast(0 as {{ points_type() }}) as exact_delta,
        trigger_delta,
        0 as decaying_delta,
        0 as unsummed_delta{% for column in class_columns %},
        cast(0 as {{ type_double() }}) as {{ column }}{% endfor %}

    from trigger_changes

    union all

    select
        lead_id,
        scorecard_id,
        change_on,
        cast(0 as {{ points_type() }}) as exact_delta,
        0 as trigger_delta,
        0 as decaying_delta,
        0 as unsummed_delta{% for column in class_columns %},
        cast(0 as {{ type_double() }}) as {{ column }}{% endfor %}

    from first_days

),

final as (

    select * from unioned

)

select * from final
