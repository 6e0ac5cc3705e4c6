{#-
    One row per row of the connector's `contact` table: the properties the adapter reads,
    renamed and cast (ids as text, timestamps, the deleted flag), and every other `property_*`
    column (an account's custom properties, HubSpot's other ones) passed through under its
    own name, uncast. An optional column the table lacks is null.
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'contact') -%}
{%- set read = {
    'id': 'contact_id',
    'property_email': 'email',
    'property_jobtitle': 'job_title',
    'property_company': 'company_name',
    'property_industry': 'industry',
    'property_country': 'country',
    'property_numemployees': 'number_of_employees',
    'property_annualrevenue': 'annual_revenue',
    'property_lifecyclestage': 'lifecycle_stage',
    'property_hs_lead_status': 'lead_status',
    'property_hs_analytics_source': 'lead_source',
    'property_hs_calculated_merged_vids': 'merged_vids',
    'property_hs_merged_object_ids': 'merged_object_ids',
    'property_hs_additional_emails': 'additional_emails',
} -%}
{%- set timestamps = {
    'property_createdate': 'created_at',
    'property_hs_lifecyclestage_customer_date': 'became_customer_at',
} -%}
{%- set contact = source_columns(
    relation,
    (read.keys() | list) + (timestamps.keys() | list) + ['_fivetran_deleted'],
    ['id', 'property_createdate'],
) -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {%- for column, name in read.items() %}
        cast({{ input_column(contact, column) }} as {{ dbt.type_string() }}) as {{ name }},
        {%- endfor %}
        {%- for column, name in timestamps.items() %}
        cast({{ input_column(contact, column) }} as {{ dbt.type_timestamp() }}) as {{ name }},
        {%- endfor %}
        {%- for column in contact.extra if (column | trim | lower).startswith('property_') %}
        {{ quote_identifier(column) }},
        {%- endfor %}
        coalesce(cast({{ input_column(contact, '_fivetran_deleted') }} as boolean), false) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
