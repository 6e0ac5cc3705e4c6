{#- Conversions (lead became a customer), renamed and cast only; columns found by their trimmed, lower-cased names. -#}
{%- set conversions = source_columns(
    raw_input('conversions'), ['lead_id', 'converted_at'], ['lead_id', 'converted_at']
) -%}

with

source as (

    select * from {{ raw_input('conversions') }}

),

renamed as (

    select
        {{ clean_key(input_column(conversions, 'lead_id')) }} as lead_id,
        {{ parse_timestamp(clean_text(input_column(conversions, 'converted_at'))) }} as converted_at

    from source

),

final as (

    select * from renamed

)

select * from final
