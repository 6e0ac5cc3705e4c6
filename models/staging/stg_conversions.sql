{#- Conversions (lead became a customer), renamed and cast only. -#}
with

source as (

    select * from {{ source('raw', 'conversions') }}

),

renamed as (

    select
        {{ clean_key('lead_id') }} as lead_id,
        {{ parse_timestamp(clean_text('converted_at')) }} as converted_at

    from source

),

final as (

    select * from renamed

)

select * from final
