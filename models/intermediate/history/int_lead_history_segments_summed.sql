{#-
    One row per lead, active scorecard and segment of the history: a run of days
    [segment_from, segment_until) on which no count changes (int_lead_history_changes_unioned:
    the running totals of its deltas from the first change on), from the lead's first day in
    the history to as_of. Per segment: exact_points (the rules that do not decay, exact),
    trigger_matches (SQL trigger matches in the trigger window), decaying_matches and
    unsummed_matches (matches of decaying rules that count; of an unsummed half-life class),
    and class_<n>_sum, the running total of points x 2 ^ ((match day - first day) /
    half-life) of each summable half-life class: on a day d of the segment that class is
    worth about class_<n>_sum x 2 ^ -((d - first day) / half-life).
-#}
{{ config(materialized='table') }}

-- depends_on: {{ ref('int_scorecard_rules_filtered') }}
{%- set classes = history_half_lives(ref('int_scorecard_rules_filtered')) | selectattr('is_summed') | list %}
{%- set day_after = 'cast(' ~ dbt.dateadd('day', 1, as_of_date()) ~ ' as date)' %}

with

changes as (

    select * from {{ ref('int_lead_history_changes_unioned') }}

),

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

daily as (

    select
        lead_id,
        scorecard_id,
        change_on,
        sum(exact_delta) as exact_delta,
        sum(trigger_delta) as trigger_delta,
        sum(decaying_delta) as decaying_delta,
        sum(unsummed_delta) as unsummed_delta{% for class in classes %},
        sum(class_{{ class.number }}_delta) as class_{{ class.number }}_delta{% endfor %}

    from changes
    group by lead_id, scorecard_id, change_on

),

running as (

    select
        lead_id,
        scorecard_id,
        change_on,
        {%- for column in ['exact', 'trigger', 'decaying', 'unsummed'] %}
        sum({{ column }}_delta) over (
            partition by lead_id, scorecard_id order by change_on rows unbounded preceding
        ) as {{ column }}_total,
        {%- endfor %}
        {%- for class in classes %}
        sum(class_{{ class.number }}_delta) over (
            partition by lead_id, scorecard_id order by change_on rows unbounded preceding
        ) as class_{{ class.number }}_sum,
        {%- endfor %}
        lead(change_on) over (partition by lead_id, scorecard_id order by change_on) as next_change_on

    from daily

),

final as (

    select
        running.lead_id,
        running.scorecard_id,
        greatest(
            running.change_on, {{ history_first_date() }}, cast(leads.created_at as date)
        ) as segment_from,
        least(coalesce(running.next_change_on, {{ day_after }}), {{ day_after }}) as segment_until,
        cast(running.exact_total as {{ points_type() }}) as exact_points,
        running.trigger_total as trigger_matches,
        running.decaying_total as decaying_matches,
        running.unsummed_total as unsummed_matches{% for class in classes %},
        running.class_{{ class.number }}_sum{% endfor %}

    from running
    inner join leads
        on running.lead_id = leads.lead_id
    where
        running.change_on <= {{ as_of_date() }}
        and coalesce(running.next_change_on, {{ day_after }})
        > greatest(running.change_on, {{ history_first_date() }}, cast(leads.created_at as date))

)

select * from final
