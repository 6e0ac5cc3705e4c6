{#-
    One row per input lead row, with its fate as of the scoring date (row_status):
    `scored`; counted but not an issue: `exact_duplicate` (a copy of another row of the same
    lead_id, created_at and content, row_hash: it counts once, like a copied event row) and
    `created_after_as_of` (not scored yet); or a data-quality issue: `missing_lead_id`,
    `missing_created_at`, `unparseable_created_at`, `duplicate_lead_id`. When a lead_id has
    several different usable rows, the earliest created_at wins (the lead's original record;
    later rows are usually CRM re-imports), ties broken by the row's content hash, so the
    choice never depends on file order. The first matching status in that order applies.
-#}
with

leads as (

    select * from {{ ref('stg_leads') }}

),

ranked as (

    select
        *,
        case
            when lead_id is not null and created_at is not null
                then dense_rank() over (
                        partition by lead_id, created_at is not null
                        order by created_at asc, row_hash asc
                    )
        end as lead_row_rank,
        case
            when lead_id is not null and created_at is not null
                then row_number() over (
                        partition by lead_id, created_at, row_hash
                        order by created_at_text asc
                    )
        end as copy_rank

    from leads

),

final as (

    select
        *,
        case
            when lead_id is null then 'missing_lead_id'
            when created_at_text is null then 'missing_created_at'
            when created_at is null then 'unparseable_created_at'
            when copy_rank > 1 then 'exact_duplicate'
            when lead_row_rank > 1 then 'duplicate_lead_id'
            when cast(created_at as date) > {{ as_of_date() }} then 'created_after_as_of'
            else 'scored'
        end as row_status

    from ranked

)

select * from final
