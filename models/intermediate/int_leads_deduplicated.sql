{#-
    One row per lead_id among the usable lead rows (key and created_at present). When a
    lead_id has several rows, the earliest created_at wins (the lead's original record; later
    rows are usually CRM re-imports), ties broken by the row's content hash so the choice
    never depends on file order. The rows left out are listed by the data-quality ledger.
-#}
with

leads as (

    select * from {{ ref('stg_leads') }}

),

usable as (

    select * from leads
    where lead_id is not null and created_at is not null

),

ranked as (

    select
        *,
        row_number() over (
            partition by lead_id
            order by created_at asc, row_hash asc
        ) as row_rank

    from usable

),

final as (

    select * from ranked
    where row_rank = 1

)

select * from final
