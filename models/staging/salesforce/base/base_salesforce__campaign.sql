{#-
    One row per row of the connector's `campaign` table: renamed and cast only (ids and
    texts trimmed, blank as null; timestamps, booleans and numbers typed), with is_deleted
    and is_current (salesforce_record_flags). A column the connector lacks is null; without
    the table (not synced) the view is empty.
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set campaign = salesforce_table('campaign', [
    'id', 'name', 'type', 'is_deleted', '_fivetran_deleted',
    '_fivetran_active',
]) -%}

with

source as (

    {{ salesforce_rows(campaign) }}

),

renamed as (

    select
        {{ salesforce_column(campaign, 'id') }} as campaign_id,
        {{ salesforce_column(campaign, 'name') }} as campaign_name,
        {{ salesforce_column(campaign, 'type') }} as campaign_type,
        {{ salesforce_record_flags(campaign) }}

    from source

),

final as (

    select * from renamed

)

select * from final
