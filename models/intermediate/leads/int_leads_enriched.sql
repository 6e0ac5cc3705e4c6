{#-
    One row per scored lead (int_leads_classified: usable, first row of its lead_id, created
    on or before the as_of day), with the derived attributes rules can name: email_domain
    (lower-cased part after '@') and region (from the country_regions seed: the lead's
    country as an ISO code, a name or an alias, int_country_spellings_unioned; country_code is
    null when it is none of them), and lead_age_days (whole days from the creation date to
    as_of, for `none` rules).
-#}
{{ config(materialized='table') }}  {# read by several models: computed once #}

with

leads as (

    select * from {{ ref('int_leads_classified') }}
    where row_status = 'scored'

),

country_spellings as (

    select * from {{ ref('int_country_spellings_unioned') }}

),

enriched as (

    select
        leads.*,
        {{ normalize_text(dbt.split_part('leads.email', "'@'", 2)) }} as email_domain,
        country_spellings.country_code,
        country_spellings.region,
        {{ dbt.datediff('cast(leads.created_at as date)', as_of_date(), 'day') }}
            as lead_age_days

    from leads
    left join country_spellings
        on {{ normalize_text('leads.country') }} = country_spellings.country_spelling

),

final as (

    select * from enriched

)

select * from final
