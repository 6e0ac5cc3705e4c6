{#-
    One row per row of the connector's `lead` table (deleted, merged and past versions
    included): renamed and cast only (ids and texts trimmed, blank as null; timestamps,
    booleans and numbers typed), with is_deleted and is_current (salesforce_record_flags). A
    column the connector lacks is null; without the table (not synced) the view is empty.
    Custom fields (columns ending in _c) pass through as text, as custom__<readable name>
    (salesforce_custom_fields).
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set lead = salesforce_table('lead', [
    'id', 'master_record_id', 'email', 'title', 'company',
    'industry', 'number_of_employees', 'annual_revenue', 'country', 'country_code',
    'created_date', 'lead_source', 'status', 'rating', 'is_converted',
    'converted_date', 'converted_contact_id', 'converted_account_id', 'converted_opportunity_id',
    'has_opted_out_of_email',
    'is_deleted', '_fivetran_deleted', '_fivetran_active',
]) -%}
{%- set custom_fields = salesforce_custom_fields(lead) -%}

with

source as (

    {{ salesforce_rows(lead) }}

),

renamed as (

    select
        {{ salesforce_column(lead, 'id') }} as lead_id,
        {{ salesforce_column(lead, 'master_record_id') }} as master_record_id,
        {{ salesforce_column(lead, 'email') }} as email,
        {{ salesforce_column(lead, 'title') }} as title,
        {{ salesforce_column(lead, 'company') }} as company,
        {{ salesforce_column(lead, 'industry') }} as industry,
        {{ salesforce_column(lead, 'number_of_employees', 'integer') }} as number_of_employees,
        {{ salesforce_column(lead, 'annual_revenue', 'number') }} as annual_revenue,
        {{ salesforce_column(lead, 'country') }} as country,
        {{ salesforce_column(lead, 'country_code') }} as country_code,
        {{ salesforce_column(lead, 'created_date', 'timestamp') }} as created_date,
        {{ salesforce_column(lead, 'lead_source') }} as lead_source,
        {{ salesforce_column(lead, 'status') }} as status,
        {{ salesforce_column(lead, 'rating') }} as rating,
        {{ salesforce_column(lead, 'is_converted', 'boolean') }} as is_converted,
        {{ salesforce_column(lead, 'converted_date', 'timestamp') }} as converted_date,
        {{ salesforce_column(lead, 'converted_contact_id') }} as converted_contact_id,
        {{ salesforce_column(lead, 'converted_account_id') }} as converted_account_id,
        {{ salesforce_column(lead, 'converted_opportunity_id') }} as converted_opportunity_id,
        {{ salesforce_column(lead, 'has_opted_out_of_email', 'boolean') }} as has_opted_out_of_email,
        {%- for field in custom_fields %}
        {{ clean_text(quote_identifier(field.source_column)) }} as {{ quote_identifier(field.base_column) }},
        {%- endfor %}
        {{ salesforce_record_flags(lead) }}

    from source

),

final as (

    select * from renamed

)

select * from final
