{#-
    One row per input event row, with its fate as of the scoring date (row_status), and its
    event_date and age_days (whole days before as_of; 0 on the as_of day):
    `scored`; counted but not an issue: `exact_duplicate` (a copy of another row counts
    once), `after_as_of` (event_date after as_of), `lead_after_as_of` (its lead is created
    after as_of); or a data-quality issue: `missing_event_id`, `missing_lead_id`,
    `missing_event_type`, `missing_occurred_at`, `unparseable_occurred_at`, `reused_event_id`
    (a different row with the same event_id: the earliest occurred_at wins, ties broken by
    the row's content hash; int_lead_events_contested ranks these rows, every other usable
    row has an event_id of its own), `unknown_lead` (no usable lead row has its lead_id).
    The first matching status in that order applies.
-#}
with

events as (

    select * from {{ ref('stg_lead_events') }}

),

contested_events as (

    select * from {{ ref('int_lead_events_contested') }}

),

leads as (

    select * from {{ ref('int_leads_classified') }}
    where row_status in ('scored', 'created_after_as_of')

),

-- every row but the usable ones of a shared event_id: a usable row here has rank 1
uncontested as (

    select
        event_id,
        lead_id,
        event_type,
        occurred_at_text,
        occurred_at,
        event_detail,
        cast(null as {{ dbt.type_string() }}) as row_hash,
        case when is_usable then 1 end as event_row_rank,
        case when is_usable then 1 end as copy_rank

    from (
        select
            *,
            event_id is not null
            and lead_id is not null
            and event_type is not null
            and occurred_at is not null as is_usable

        from events
    ) as usable
    where
        not is_usable
        or event_id not in (select contested_events.event_id from contested_events)

),

ranked as (

    select * from uncontested

    union all

    -- (a usable row has a timestamp: its text is only ever quoted for a row without one)
    select
        event_id,
        lead_id,
        event_type,
        cast(occurred_at as {{ dbt.type_string() }}) as occurred_at_text,
        occurred_at,
        event_detail,
        row_hash,
        event_row_rank,
        copy_rank

    from contested_events

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
