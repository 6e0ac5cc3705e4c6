{#-
    The contract's leads from HubSpot: one row per contact that is neither deleted nor merged
    into another (those are in stg_hubspot__rows_left_out). lead_id is the contact's id;
    company_size the lower bound of HubSpot's employee range (hubspot_company_size), the
    range itself kept as company_size_range. Further attributes a rule can name:
    lifecycle_stage, lead_status, lead_source (the original source), and every other
    `property_*` column of the contact table (custom properties included) under its name
    without the prefix (property_favorite_color -> favorite_color), or with it where the
    short name is taken (by a column of this model, or a derived attribute: email_domain,
    region), uncast. The contract's staging trims them and reads them as text.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized='table') }}
{%- set standard = [
    'lead_id', 'email', 'job_title', 'industry', 'company_name', 'company_size',
    'annual_revenue', 'country', 'created_at', 'company_size_range', 'lifecycle_stage',
    'lead_status', 'lead_source',
] -%}
{%- set taken = standard + ['email_domain', 'region'] -%}
{%- set properties = [] -%}
{%- for name in relation_column_names(ref('base_hubspot__contact')) or [] -%}
{%- set key = name | trim | lower -%}
{%- if key.startswith('property_') -%}
{%- set short = key[9:] -%}
{%- set attribute = key if (short == '' or short in taken) else short -%}
{%- do taken.append(attribute) -%}
{%- do properties.append({'column': name, 'attribute': attribute}) -%}
{%- endif -%}
{%- endfor %}

with

contacts as (

    select * from {{ ref('base_hubspot__contact') }}

),

lookup as (

    select * from {{ ref('stg_hubspot__contact_lookup') }}

),

kept as (

    select contacts.*

    from contacts
    left join lookup
        on contacts.contact_id = lookup.contact_id
    where
        not contacts.is_deleted
        and not coalesce(lookup.is_merged, false)

),

mapped as (

    select
        contact_id as lead_id,
        email,
        job_title,
        industry,
        company_name,
        {{ hubspot_company_size('number_of_employees') }} as company_size,
        annual_revenue,
        country,
        created_at,
        number_of_employees as company_size_range,
        lifecycle_stage,
        lead_status,
        {%- for property in properties %}
        {{ quote_identifier(property.column) }} as {{ quote_identifier(property.attribute) }},
        {%- endfor %}
        lead_source

    from kept

),

final as (

    select * from mapped

)

select * from final
