{#-
    One row per lead whose history this run computes (history_run_plan): every scored lead when
    the history is rebuilt; in a daily run, the leads whose past may have changed since the
    last run: those with an input event row on a changed day before as_of (a late event), or
    with a row of an event_id that has one (a reused id may change which row counts), the
    leads the last history does not have (new leads), and, when the leads file has more rows
    than the last run's, every lead with several rows (a row with an earlier created_at would
    change the lead). The other leads' history is the last one, extended by lead_scores as of
    the new day (lead_score_history).
-#}
{{ config(materialized='table') }}

-- depends_on: {{ ref('int_history_runs_planned') }}
-- depends_on: {{ ref('stg_lead_events') }}
-- depends_on: {{ ref('int_lead_events_contested') }}
-- depends_on: {{ ref('int_leads_classified') }}
{%- set plan = history_plan() %}

with

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

{% if plan.daily %}
{%- set changed = {'recount_all': false, 'changed_days': plan.changed_days} %}
events as (

    select * from {{ ref('stg_lead_events') }}

),

contested_events as (

    select * from {{ ref('int_lead_events_contested') }}

),

lead_rows as (

    select * from {{ ref('int_leads_classified') }}

),

previous_leads as (

    select distinct lead_id from {{ model_relation('lead_score_history') }}

),

changed_rows as (

    select
        lead_id,
        event_id

    from events
    where {{ engagement_recount_filter(changed, 'occurred_at') }}

),

listed as (

    select lead_id from changed_rows

    union

    select contested_events.lead_id
    from contested_events
    where contested_events.event_id in (select changed_rows.event_id from changed_rows)

    union

    select leads.lead_id
    from leads
    where leads.lead_id not in (select previous_leads.lead_id from previous_leads)
    {%- if plan.leads_changed %}

    union

    select lead_id
    from lead_rows
    where row_status in ('duplicate_lead_id', 'exact_duplicate')
    {%- endif %}

),

final as (

    select leads.lead_id
    from leads
    where leads.lead_id in (select listed.lead_id from listed)

)
{% else %}
final as (

    select lead_id from leads

)
{% endif %}

select * from final
