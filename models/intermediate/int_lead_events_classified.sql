{#-
    One row per input event row, with its fate as of the scoring date (row_status), and its
    event_date and age_days (whole days before as_of; 0 on the as_of day):
    `scored`; counted but not an issue: `exact_duplicate` (a copy of another row counts
    once), `after_as_of` (event_date after as_of), `lead_after_as_of` (its lead is created
    after as_of); or a data-quality issue: `missing_event_id`, `missing_lead_id`,
    `missing_event_type`, `missing_occurred_at`, `unparseable_occurred_at`, `reused_event_id`
    (a different row with the same event_id: the earliest occurred_at wins, ties broken by
    the row's content hash; event_row_rank is a dense rank, so every exact copy of the
    winning row has rank 1 and copy_rank alone picks the one that is scored),
    `unknown_lead` (no usable lead row has its lead_id). The first matching status in that
    order applies.
-#}
with

events as (

    select * from {{ ref('stg_lead_events') }}

),

leads as (

    select * from {{ ref('int_leads_classified') }}
    where row_status in ('scored', 'created_after_as_of')

),

usable as (

    select
        *,
        event_id is not null
        and lead_id is not null
        and event_type is not null
        and occurred_at is not null as is_usable

    from events

),

ranked as (

    select
        *,
        -- dense_rank: exact copies share their rank, so the two windows cannot disagree
        -- on which copy of the winning row is the one scored
        case
            when is_usable
                then dense_rank() over (
                        partition by event_id, is_usable
                        order by occurred_at asc, row_hash asc
                    )
        end as event_row_rank,
        case
            when is_usable
                then row_number() over (
                        partition by event_id, row_hash, is_usable
                        order by occurred_at asc
                    )
        end as copy_rank

    from usable

),

dated as (

    select
        ranked.event_id,
        ranked.lead_id,
        ranked.event_type,
        ranked.occurred_at_text,
        ranked.occurred_at,
        ranked.event_detail,
        ranked.row_hash,
        ranked.event_row_rank,
        ranked.copy_rank,
        leads.row_status as lead_row_status,
        cast(ranked.occurred_at as date) as event_date

    from ranked
    left join leads
        on ranked.lead_id = leads.lead_id

),

final as (

    select
        *,
        {{ dbt.datediff('event_date', as_of_date(), 'day') }}
            as age_days,
        case
            when event_id is null then 'missing_event_id'
            when lead_id is null then 'missing_lead_id'
            when event_type is null then 'missing_event_type'
            when occurred_at_text is null then 'missing_occurred_at'
            when occurred_at is null then 'unparseable_occurred_at'
            when copy_rank > 1 then 'exact_duplicate'
            when event_row_rank > 1 then 'reused_event_id'
            when event_date > {{ as_of_date() }} then 'after_as_of'
            when lead_row_status is null then 'unknown_lead'
            when lead_row_status = 'created_after_as_of' then 'lead_after_as_of'
            else 'scored'
        end as row_status

    from dated

)

select * from final
