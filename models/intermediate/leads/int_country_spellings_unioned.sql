{#-
    One row per spelling of a country that a lead's `country` may hold, in comparison form
    (trimmed, lower case): its ISO code ('us'), its name ('united states') and each of its
    aliases ('usa', 'united states of america'), with the country's code and region. A
    spelling that names two countries is reported by the scorecard validation.
-#}
with

countries as (

    select * from {{ ref('stg_country_regions') }}
    where country_code is not null

),

aliases as (

    select
        country_code,
        region,
        {{ unnest_list('aliases') }} as spelling
    from countries
    where aliases is not null

),

unioned as (

    select
        country_code,
        region,
        country_code as spelling
    from countries

    union all

    select
        country_code,
        region,
        country_name as spelling
    from countries

    union all

    select * from aliases

),

final as (

    select distinct
        {{ normalize_text('spelling') }} as country_spelling,
        country_code,
        region

    from unioned
    where {{ normalize_text('spelling') }} is not null

)

select * from final
