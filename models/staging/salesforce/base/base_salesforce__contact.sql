{#-
    One row per row of the connector's `contact` table (deleted, merged and past versions
    included): renamed and cast only (ids and texts trimmed, blank as null; timestamps,
    booleans and numbers typed), with is_deleted and is_current (salesforce_record_flags). A
    column the connector lacks is null; without the table (not synced) the view is empty.
    Custom fields (columns ending in _c) pass through as text, as custom__<readable name>
    (salesforce_custom_fields).
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set contact = salesforce_table('contact', [
    'id', 'master_record_id', 'account_id', 'email', 'title',
    'created_date', 'lead_source', 'mailing_country', 'mailing_country_code', 'has_opted_out_of_email',
    'is_deleted', '_fivetran_deleted', '_fivetran_active',
]) -%}
{%- set custom_fields = salesforce_custom_fields(contact) -%}

with

source as (

    {{ salesforce_rows(contact) }}

),

renamed as (

    select
        {{ salesforce_column(contact, 'id') }} as contact_id,
        {{ salesforce_column(contact, 'master_record_id') }} as master_record_id,
        {{ salesforce_column(contact, 'account_id') }} as account_id,
        {{ salesforce_column(contact, 'email') }} as email,
        {{ salesforce_column(contact, 'title') }} as title,
        {{ salesforce_column(contact, 'created_date', 'timestamp') }} as created_date,
        {{ salesforce_column(contact, 'lead_source') }} as lead_source,
        {{ salesforce_column(contact, 'mailing_country') }} as mailing_country,
        {{ salesforce_column(contact, 'mailing_country_code') }} as mailing_country_code,
        {{ salesforce_column(contact, 'has_opted_out_of_email', 'boolean') }} as has_opted_out_of_email,
        {%- for field in custom_fields %}
        {{ clean_text(quote_identifier(field.source_column)) }} as {{ quote_identifier(field.base_column) }},
        {%- endfor %}
        {{ salesforce_record_flags(contact) }}

    from source

),

final as (

    select * from renamed

)

select * from final
