{#-
    One row per event_id among the usable event rows (event_id, lead_id, event_type and
    occurred_at present). Exact duplicate rows count once; when an event_id is reused by rows
    that differ, the earliest occurred_at wins, ties broken by the row's content hash. The
    rows left out are listed by the data-quality ledger.
-#}
with

events as (

    select * from {{ ref('stg_lead_events') }}

),

usable as (

    select * from events
    where
        event_id is not null
        and lead_id is not null
        and event_type is not null
        and occurred_at is not null

),

ranked as (

    select
        *,
        row_number() over (
            partition by event_id
            order by occurred_at asc, row_hash asc
        ) as row_rank

    from usable

),

final as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail

    from ranked
    where row_rank = 1

)

select * from final
