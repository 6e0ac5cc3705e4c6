{#-
    One row per row of the connector's `campaign_member` table: renamed and cast only (ids
    and texts trimmed, blank as null; timestamps, booleans and numbers typed), with
    is_deleted and is_current (salesforce_record_flags). A column the connector lacks is
    null; without the table (not synced) the view is empty.
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set campaign_member = salesforce_table('campaign_member', [
    'id', 'lead_id', 'contact_id', 'campaign_id', 'has_responded',
    'first_responded_date', 'status', 'created_date', 'is_deleted', '_fivetran_deleted',
    '_fivetran_active',
]) -%}

with

source as (

    {{ salesforce_rows(campaign_member) }}

),

renamed as (

    select
        {{ salesforce_column(campaign_member, 'id') }} as campaign_member_id,
        {{ salesforce_column(campaign_member, 'lead_id') }} as lead_id,
        {{ salesforce_column(campaign_member, 'contact_id') }} as contact_id,
        {{ salesforce_column(campaign_member, 'campaign_id') }} as campaign_id,
        {{ salesforce_column(campaign_member, 'has_responded', 'boolean') }} as has_responded,
        {{ salesforce_column(campaign_member, 'first_responded_date', 'timestamp') }} as first_responded_date,
        {{ salesforce_column(campaign_member, 'status') }} as status,
        {{ salesforce_column(campaign_member, 'created_date', 'timestamp') }} as created_date,
        {{ salesforce_record_flags(campaign_member) }}

    from source

),

final as (

    select * from renamed

)

select * from final
