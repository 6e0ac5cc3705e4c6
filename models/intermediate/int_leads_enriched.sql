{#-
    The leads that exist as of the scoring date (created_at before the end of the as_of day),
    with the derived attributes rules can name: email_domain (lower-cased part after '@') and
    region (from the country_regions seed), and lead_age_days (whole days from the creation
    date to as_of, for `none` rules).
-#}
with

leads as (

    select * from {{ ref('int_leads_deduplicated') }}

),

country_regions as (

    select * from {{ ref('stg_country_regions') }}

),

leads_as_of as (

    select * from leads
    where cast(created_at as date) <= {{ as_of_date() }}

),

enriched as (

    select
        leads_as_of.*,
        {{ normalize_text(dbt.split_part('leads_as_of.email', "'@'", 2)) }} as email_domain,
        country_regions.region,
        {{ dbt.datediff('cast(leads_as_of.created_at as date)', as_of_date(), 'day') }}
            as lead_age_days

    from leads_as_of
    left join country_regions
        on leads_as_of.country = country_regions.country_code

),

final as (

    select * from enriched

)

select * from final
