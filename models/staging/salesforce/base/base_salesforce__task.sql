{#-
    One row per row of the connector's `task` table: renamed and cast only (ids and texts
    trimmed, blank as null; timestamps, booleans and numbers typed), with is_deleted and
    is_current (salesforce_record_flags). A column the connector lacks is null; without the
    table (not synced) the view is empty.
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set task = salesforce_table('task', [
    'id', 'who_id', 'activity_date', 'completed_date_time', 'created_date',
    'type', 'task_subtype', 'subject', 'status', 'is_closed',
    'call_disposition', 'call_type', 'is_deleted', '_fivetran_deleted', '_fivetran_active',
]) -%}

with

source as (

    {{ salesforce_rows(task) }}

),

renamed as (

    select
        {{ salesforce_column(task, 'id') }} as task_id,
        {{ salesforce_column(task, 'who_id') }} as who_id,
        {{ salesforce_column(task, 'activity_date', 'timestamp') }} as activity_date,
        {{ salesforce_column(task, 'completed_date_time', 'timestamp') }} as completed_date_time,
        {{ salesforce_column(task, 'created_date', 'timestamp') }} as created_date,
        {{ salesforce_column(task, 'type') }} as task_type,
        {{ salesforce_column(task, 'task_subtype') }} as task_subtype,
        {{ salesforce_column(task, 'subject') }} as subject,
        {{ salesforce_column(task, 'status') }} as status,
        {{ salesforce_column(task, 'is_closed', 'boolean') }} as is_closed,
        {{ salesforce_column(task, 'call_disposition') }} as call_disposition,
        {{ salesforce_column(task, 'call_type') }} as call_type,
        {{ salesforce_record_flags(task) }}

    from source

),

final as (

    select * from renamed

)

select * from final
