{#- The country_regions reference seed: ISO 3166-1 alpha-2 code to sales region. -#}
with

source as (

    select * from {{ ref('country_regions') }}

),

renamed as (

    select
        upper({{ clean_text('country_code') }}) as country_code,
        {{ clean_text('country_name') }} as country_name,
        {{ clean_text('region') }} as region

    from source

),

final as (

    select * from renamed

)

select * from final
