{#-
    One row per row of the connector's (optional) `opportunity_contact_role` table: renamed
    and cast only (ids and texts trimmed, blank as null; timestamps, booleans and numbers
    typed), with is_deleted and is_current (salesforce_record_flags). A column the connector
    lacks is null; without the table (not synced) the view is empty.
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set opportunity_contact_role = salesforce_table('opportunity_contact_role', [
    'id', 'opportunity_id', 'contact_id', 'is_deleted', '_fivetran_deleted',
    '_fivetran_active',
]) -%}

with

source as (

    {{ salesforce_rows(opportunity_contact_role) }}

),

renamed as (

    select
        {{ salesforce_column(opportunity_contact_role, 'id') }} as opportunity_contact_role_id,
        {{ salesforce_column(opportunity_contact_role, 'opportunity_id') }} as opportunity_id,
        {{ salesforce_column(opportunity_contact_role, 'contact_id') }} as contact_id,
        {{ salesforce_record_flags(opportunity_contact_role) }}

    from source

),

final as (

    select * from renamed

)

select * from final
