{% macro counted_events_query(events, contested_events, row_filter='1 = 1') -%}
    {#-
        A query of the event rows that count (SCORING.md §1: usable, an event_id once, on or
        before as_of), as (lead_id, event_type, event_detail, event_date): the rows of
        `events` (stg_lead_events) whose event_id no other usable row uses, and the one row
        that counts of each shared event_id (`contested_events`, int_lead_events_contested:
        rank 1, first copy); `row_filter` restricts both (a daily run's changed days).
    -#}
    -- the rows whose event_id is used by no other usable row ...
    select
        lead_id,
        event_type,
        event_detail,
        cast(occurred_at as date) as event_date

    from {{ events }}
    where
        cast(occurred_at as date) <= {{ as_of_date() }}
        and event_id is not null
        and lead_id is not null
        and {{ row_filter }}
        -- (not in, uncorrelated: a correlated not exists would make DuckDB list every event_id)
        and event_id not in (select contested.event_id from {{ contested_events }} as contested)

    union all

    -- ... and the one row that counts of each shared event_id
    select
        lead_id,
        event_type,
        event_detail,
        cast(occurred_at as date) as event_date

    from {{ contested_events }}
    where
        event_row_rank = 1
        and copy_rank = 1
        and {{ row_filter }}
{%- endmacro %}
