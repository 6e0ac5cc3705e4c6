{#-
    One row per usable event row (an event_id, a lead_id, an event_type and a readable
    occurred_at, dated on or before as_of) whose event_id is used by another such row, with
    its rank among them: an event_id counts once, as its earliest row (ties: the row hash, so
    the choice never depends on file order); exact copies (the same row hash) share that rank
    and copy_rank picks one. Every other usable row has an event_id of its own: it counts
    (rank 1). Rows dated after as_of wait for a later run (they could never win anyway).

    A full build finds the shared ids on fast_hash(event_id) alone (int_event_ids_hashed, a
    cheap stand-in for the id) and hashes and ranks only their rows, not every event; the
    other models join the events to them on event_id. occurred_at_text is left out: DuckDB
    would turn every event's timestamp into text before that join. A daily run (var
    incremental_engagement_state, DuckDB only; engagement_recount_plan, with the engagement
    state's ledger) reads the ids of the days that changed and all the rows of those ids (on
    the days int_event_ids_hashed lists for their hashes), and replaces their rows here
    (delete+insert on event_id).
-#}
{{ config(
    materialized=('incremental' if incremental_engagement_state() else 'table'),
    incremental_strategy='delete+insert',
    unique_key='event_id',
    on_schema_change='fail',
) }}

-- depends_on: {{ ref('int_event_days_counted') }} (engagement_recount_plan reads it)
{%- set plan = engagement_recount_plan(engagement_state_relation(), check_engagement_keys=false) %}
{#- a daily run reads the rows of the changed days and, of the event ids used on them, the
    rows of the other days they are used on: days found in int_event_ids_hashed (already
    updated for the changed days), so that only those days' row groups are read -#}
{%- set read_plan = plan %}
{%- if not plan.recount_all and plan.changed_days %}
    {%- set other_days_query %}
        select distinct cast(event_date as {{ dbt.type_string() }})
        from {{ ref('int_event_ids_hashed') }}
        where
            id_hash in (
                select id_hash from {{ ref('int_event_ids_hashed') }}
                where {{ engagement_recount_filter(plan, 'event_date') }}
            )
            and not {{ engagement_recount_filter(plan, 'event_date') }}
        order by 1
    {%- endset %}
    {%- set other_days = run_query(other_days_query).columns[0].values() | list %}
    {%- set read_plan = {'recount_all': false, 'changed_days': plan.changed_days + other_days} %}
{%- endif %}
{#- a usable row on or before as_of (its event_id checked apart) -#}
{%- set usable_row -%}
    lead_id is not null
    and event_type is not null
    and cast(occurred_at as date) <= {{ as_of_date() }}
{%- endset %}

with

{% if plan.recount_all %}
event_ids as (

    select * from {{ ref('int_event_ids_hashed') }}

),
{% else %}
-- a second import of the events (each read once: a CTE read twice is materialised by DuckDB)
changed_events as (

    select event_id
    from {{ ref('stg_lead_events') }}
    where event_id is not null and {{ engagement_recount_filter(plan, 'occurred_at') }}

),
{% endif %}

events as (

    select * from {{ ref('stg_lead_events') }}

),

{% if plan.recount_all %}
repeated_ids as (

    {{ repeated_values('event_ids', 'id_hash') }}

),
{% endif %}

-- every usable row of a shared event_id (a full build: an id whose hash repeats; a daily run:
-- an id that has a row on a changed day)
candidates as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail

    from events
    where
        {% if plan.recount_all -%}
        {{ fast_hash('event_id') }} in (select repeated_ids.id_hash from repeated_ids)
        and event_id is not null
        {%- else -%}
        event_id in (select changed_events.event_id from changed_events)
        and {{ engagement_recount_filter(read_plan, 'occurred_at') }}
        {%- endif %}
        and {{ usable_row }}

),

counted as (

    select
        *,
        count(*) over (partition by event_id) as id_rows

    from candidates

),

hashed as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail,
        {{ row_hash(['event_id', 'lead_id', 'event_type', 'occurred_at', 'event_detail']) }} as row_hash

    from counted
    where id_rows > 1

),

final as (

    select
        *,
        -- dense_rank: exact copies share their rank, so the two windows cannot disagree on
        -- which copy of the winning row is the one scored
        dense_rank() over (
            partition by event_id
            order by occurred_at asc, row_hash asc
        ) as event_row_rank,
        row_number() over (
            partition by event_id, row_hash
            order by occurred_at asc
        ) as copy_rank

    from hashed

)

select * from final
