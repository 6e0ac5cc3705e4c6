{#-
    Behavioural events, renamed and normalised only: keys and text trimmed (blank is null),
    event_type in its comparison form (lower case), occurred_at read as a timestamp (a typed
    timestamp column of a Parquet file is taken as it is on DuckDB: parse_timestamp_column).
    No row hash here: only the few rows of a shared event_id need one
    (int_lead_events_contested), and a view's column is computed for every row that reaches it.
-#}
with

source as (

    select * from {{ source('raw', 'lead_events') }}

),

renamed as (

    select
        {{ clean_key('event_id') }} as event_id,
        {{ clean_key('lead_id') }} as lead_id,
        {{ normalize_text('event_type') }} as event_type,
        {{ clean_text('occurred_at') }} as occurred_at_text,
        {{ parse_timestamp_column(source('raw', 'lead_events'), 'occurred_at') }} as occurred_at,
        {{ clean_text('event_detail') }} as event_detail

    from source

),

final as (

    select * from renamed

)

select * from final
