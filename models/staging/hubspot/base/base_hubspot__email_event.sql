{#-
    One row per row of the connector's `email_event` table (marketing email events of every
    type): ids as text, the type upper-cased, the time, the recipient's address lower-cased
    (it is matched to a contact's email), HubSpot's filtered flag and the deleted flag
    (optional columns: absent, false).
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'email_event') -%}
{%- set event = source_columns(
    relation,
    ['id', 'type', 'created', 'recipient', 'email_campaign_id', 'filtered_event', '_fivetran_deleted'],
    ['id', 'type', 'created', 'recipient'],
) -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ clean_key(input_column(event, 'id')) }} as email_event_id,
        upper({{ clean_text(input_column(event, 'type')) }}) as email_event_type,
        cast({{ input_column(event, 'created') }} as {{ dbt.type_timestamp() }}) as occurred_at,
        {{ normalize_text(input_column(event, 'recipient')) }} as recipient,
        {{ clean_key(input_column(event, 'email_campaign_id')) }} as email_campaign_id,
        coalesce(cast({{ input_column(event, 'filtered_event') }} as boolean), false) as is_filtered,
        coalesce(cast({{ input_column(event, '_fivetran_deleted') }} as boolean), false) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
