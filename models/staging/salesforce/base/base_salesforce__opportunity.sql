{#-
    One row per row of the connector's `opportunity` table: renamed and cast only (ids and
    texts trimmed, blank as null; timestamps, booleans and numbers typed), with is_deleted
    and is_current (salesforce_record_flags). A column the connector lacks is null; without
    the table (not synced) the view is empty.
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set opportunity = salesforce_table('opportunity', [
    'id', 'is_won', 'is_closed', 'close_date', 'stage_name',
    'account_id', 'contact_id', 'is_deleted', '_fivetran_deleted', '_fivetran_active',
]) -%}

with

source as (

    {{ salesforce_rows(opportunity) }}

),

renamed as (

    select
        {{ salesforce_column(opportunity, 'id') }} as opportunity_id,
        {{ salesforce_column(opportunity, 'is_won', 'boolean') }} as is_won,
        {{ salesforce_column(opportunity, 'is_closed', 'boolean') }} as is_closed,
        {{ salesforce_column(opportunity, 'close_date', 'timestamp') }} as close_date,
        {{ salesforce_column(opportunity, 'stage_name') }} as stage_name,
        {{ salesforce_column(opportunity, 'account_id') }} as account_id,
        {{ salesforce_column(opportunity, 'contact_id') }} as contact_id,
        {{ salesforce_record_flags(opportunity) }}

    from source

),

final as (

    select * from renamed

)

select * from final
