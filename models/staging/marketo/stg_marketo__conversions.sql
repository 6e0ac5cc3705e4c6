{#-
    The contract's conversions (SCORING.md §1) from Marketo: Fivetran's Marketo connector has
    no customer object, so a conversion is a change of a lead field to a customer value
    (activity_change_data_value: the field one of the var `marketo_conversion_fields`,
    default Lead Status and Lifecycle Stage; the new value one of `marketo_conversion_values`,
    default Customer and Closed Won; marketo_is_conversion). One row per such change passed
    on as an event (the same row is also a marketo_change_data_value event: counted once in
    stg_marketo__rows_read); the project takes the earliest per lead.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('marketo'), materialized='table') }}
with

activities as (

    select * from {{ ref('stg_marketo__activities') }}

),

final as (

    select
        lead_id,
        occurred_at as converted_at,
        source_table

    from activities
    where
        issue_code is null
        and is_conversion

)

select * from final
