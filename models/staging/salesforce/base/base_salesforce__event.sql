{#-
    One row per row of the connector's `event` table: renamed and cast only (ids and texts
    trimmed, blank as null; timestamps, booleans and numbers typed), with is_deleted and
    is_current (salesforce_record_flags). A column the connector lacks is null; without the
    table (not synced) the view is empty.
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set event = salesforce_table('event', [
    'id', 'who_id', 'start_date_time', 'activity_date_time', 'activity_date',
    'created_date', 'type', 'subject', 'is_deleted', '_fivetran_deleted',
    '_fivetran_active',
]) -%}

with

source as (

    {{ salesforce_rows(event) }}

),

renamed as (

    select
        {{ salesforce_column(event, 'id') }} as event_id,
        {{ salesforce_column(event, 'who_id') }} as who_id,
        {{ salesforce_column(event, 'start_date_time', 'timestamp') }} as start_date_time,
        {{ salesforce_column(event, 'activity_date_time', 'timestamp') }} as activity_date_time,
        {{ salesforce_column(event, 'activity_date', 'timestamp') }} as activity_date,
        {{ salesforce_column(event, 'created_date', 'timestamp') }} as created_date,
        {{ salesforce_column(event, 'type') }} as event_kind,
        {{ salesforce_column(event, 'subject') }} as subject,
        {{ salesforce_record_flags(event) }}

    from source

),

final as (

    select * from renamed

)

select * from final
