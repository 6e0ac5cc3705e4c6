{#-
    One row per row of the optional connector table `email_event_status_change` (the
    STATUSCHANGE events of email_event): the event's id as text, the portal subscription
    status upper-cased and the subscriptions changed (JSON text). Empty when the table is
    absent (every status change is then read as an unsubscribe).
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'email_event_status_change') -%}
{%- set columns = ['id', 'portal_subscription_status', 'subscriptions'] -%}
{%- set change = source_columns(relation, columns, ['id']) -%}

with

source as (

    {%- if not crm_table_exists(relation) %}
    {{ hubspot_empty_table(columns) }}
    {%- else %}
    select * from {{ relation }}
    {%- endif %}

),

renamed as (

    select
        {{ clean_key(input_column(change, 'id')) }} as email_event_id,
        upper({{ clean_text(input_column(change, 'portal_subscription_status')) }}) as portal_subscription_status,
        {{ clean_text(input_column(change, 'subscriptions')) }} as subscriptions

    from source

),

final as (

    select * from renamed

)

select * from final
