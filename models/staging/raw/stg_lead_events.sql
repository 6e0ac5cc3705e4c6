{#-
    Behavioural events, renamed and normalised only: keys and text trimmed (blank is null),
    event_type in its comparison form (lower case), occurred_at read as a timestamp (a typed
    timestamp column of a Parquet file is taken as it is on DuckDB: parse_timestamp_column).
    Columns are found by their trimmed, lower-cased names; event_detail may be left out (null).
    No row hash here: only the few rows of a shared event_id need one
    (int_lead_events_contested), and a view's column is computed for every row that reaches it.
-#}
{%- set events = source_columns(
    raw_input('lead_events'),
    ['event_id', 'lead_id', 'event_type', 'occurred_at', 'event_detail'],
    ['event_id', 'lead_id', 'event_type', 'occurred_at'],
) -%}

with

source as (

    select * from {{ raw_input('lead_events') }}

),

renamed as (

    select
        {{ clean_key(input_column(events, 'event_id')) }} as event_id,
        {{ clean_key(input_column(events, 'lead_id')) }} as lead_id,
        {{ normalize_text(input_column(events, 'event_type')) }} as event_type,
        {{ clean_text(input_column(events, 'occurred_at')) }} as occurred_at_text,
        {{ parse_timestamp_column(raw_input('lead_events'), events.found['occurred_at']) }} as occurred_at,
        {{ clean_text(input_column(events, 'event_detail')) }} as event_detail

    from source

),

final as (

    select * from renamed

)

select * from final
