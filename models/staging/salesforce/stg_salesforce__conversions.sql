{#-
    One row per person and closed-won opportunity (the contract's conversions, SCORING.md
    §1): a person became a customer on the close_date of a won opportunity (is_won, live,
    current) they are linked to (stg_salesforce__opportunity_links: the lead converted with
    it, its contact, its contact roles). A lead's conversion in Salesforce (converted_date)
    is a qualification, not a purchase: it is no conversion here (the lead attribute
    is_converted / lead_converted_date says it). source_table is 'opportunity', source_key
    the opportunity's id. The project takes each lead's earliest conversion.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized='table') }}
with

opportunities as (

    select * from {{ ref('base_salesforce__opportunity') }}
    where
        is_current
        and not is_deleted
        and coalesce(is_won, false)

),

links as (

    select * from {{ ref('stg_salesforce__opportunity_links') }}
    where row_status = 'mapped'

),

won as (

    select distinct
        links.lead_id,
        opportunities.close_date as converted_at,
        opportunities.opportunity_id

    from links
    inner join opportunities
        on links.opportunity_id = opportunities.opportunity_id

),

final as (

    select
        lead_id,
        converted_at,
        'opportunity' as source_table,
        opportunity_id as source_key

    from won

)

select * from final
