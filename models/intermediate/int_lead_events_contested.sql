{#-
    One row per usable event row (an event_id, a lead_id, an event_type and a readable
    occurred_at) whose event_id is used by more than one usable row, with its rank among them:
    an event_id counts once, as its earliest row (ties: the row hash, so the choice never
    depends on file order); exact copies (the same row hash) share that rank and copy_rank
    picks one. Every other usable row has an event_id of its own: it counts (rank 1). The
    repeated ids are found on id_hash alone (fast_hash: a cheap stand-in for event_id), and
    only these few rows are hashed and ranked, not every event; the other models join the
    events to them on event_id. (occurred_at_text is left out: DuckDB would turn every
    event's timestamp into text before the join.)
-#}
{{ config(materialized='table') }}  {# small; read by the engagement state and the data-quality path #}

with

-- two imports of the events, each read once: a CTE read twice is materialised by DuckDB
event_ids as (

    select {{ fast_hash('event_id') }} as id_hash
    from {{ ref('stg_lead_events') }}
    where event_id is not null

),

events as (

    select * from {{ ref('stg_lead_events') }}

),

repeated_ids as (

    {{ repeated_values('event_ids', 'id_hash') }}

),

contested as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail

    from events
    where
        {{ fast_hash('event_id') }} in (select repeated_ids.id_hash from repeated_ids)
        and event_id is not null
        and lead_id is not null
        and event_type is not null
        and occurred_at is not null

),

hashed as (

    select
        *,
        {{ row_hash(['event_id', 'lead_id', 'event_type', 'occurred_at', 'event_detail']) }} as row_hash

    from contested

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
