{#-
    One row per event row with an event_id, dated on or before as_of: fast_hash(event_id)
    (DuckDB: a 64-bit hash; elsewhere the id itself) and the row's event_date. It is where
    int_lead_events_contested looks for event ids used by more than one row.

    Daily runs (var incremental_engagement_state, DuckDB only) keep it as a table and replace
    the rows of the days whose input changed (engagement_recount_plan; delete+insert on
    event_date), so that a run looks up the new day's ids in 8-byte hashes instead of reading
    every event_id of the history again (after as_of moved backwards it may keep rows of days
    now after as_of: its readers compare the rows themselves). Otherwise (and on PostgreSQL
    and Spark) a view: the full build of int_lead_events_contested reads the events through
    it once.
-#}
{{ config(
    materialized=('incremental' if incremental_engagement_state() else 'view'),
    incremental_strategy='delete+insert',
    unique_key='event_date',
    on_schema_change='fail',
) }}

-- depends_on: {{ ref('int_event_days_counted') }} (engagement_recount_plan reads it)
{%- set plan = engagement_recount_plan(engagement_state_relation(), check_engagement_keys=false) %}

with

events as (

    select * from {{ ref('stg_lead_events') }}

),

final as (

    select
        {{ fast_hash('event_id') }} as id_hash,
        cast(occurred_at as date) as event_date

    from events
    where
        event_id is not null
        and cast(occurred_at as date) <= {{ as_of_date() }}
        and {{ engagement_recount_filter(plan, 'occurred_at') }}

)

select * from final
