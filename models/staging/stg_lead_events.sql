{#-
    Behavioural events, renamed and normalised only: keys and text trimmed (blank is null),
    event_type in its comparison form (lower case), occurred_at read as a timestamp (a typed
    timestamp column of a Parquet file is taken as it is on DuckDB: parse_timestamp_column).
-#}
with

source as (

    select * from {{ source('raw', 'lead_events') }}

),

renamed as (

    select
        {{ clean_text('event_id') }} as event_id,
        {{ clean_text('lead_id') }} as lead_id,
        {{ normalize_text('event_type') }} as event_type,
        {{ clean_text('occurred_at') }} as occurred_at_text,
        {{ parse_timestamp_column(source('raw', 'lead_events'), 'occurred_at') }} as occurred_at,
        {{ clean_text('event_detail') }} as event_detail,
        {{ row_hash(['event_id', 'lead_id', 'event_type', 'occurred_at', 'event_detail']) }} as row_hash

    from source

),

final as (

    select * from renamed

)

select * from final
