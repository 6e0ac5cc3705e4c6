{#- Conversions (lead became a customer), renamed and cast only. -#}
with

source as (

    select * from {{ source('raw', 'conversions') }}

),

renamed as (

    select
        {{ clean_text('lead_id') }} as lead_id,
        {{ safe_cast(clean_text('converted_at'), dbt.type_timestamp()) }} as converted_at

    from source

),

final as (

    select * from renamed

)

select * from final
