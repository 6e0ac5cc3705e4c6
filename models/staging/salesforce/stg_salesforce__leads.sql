{#-
    One row per person (the contract's leads, SCORING.md §1): every live, current lead, and
    every live, current contact that no lead was converted into (stg_salesforce__people). A
    converted lead is one person with its contact: lead_id is the lead's id; the contact's
    and its account's values win over the lead's (they are the record Salesforce keeps
    current after the conversion), the lead's fill what they lack. Company fields come from
    the account (a contact's, or the converted lead's) and else from the lead's own fields.
    company_size and annual_revenue are the numbers as text; country the ISO code where the
    org has state and country picklists, else the country's name (both are read by the
    project). Beyond the contract's columns, attributes a rule can name: the Salesforce ids
    (salesforce_lead_id, salesforce_contact_id, salesforce_account_id), salesforce_object
    ('lead' or 'contact': the record that holds the person now), lead_source, lead_status,
    rating, is_converted, lead_converted_date, has_opted_out_of_email, and every custom
    field of lead and contact under its readable name (salesforce_custom_fields; a field
    both objects have is one column, the contact's value first).
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized='table') }}
{%- set lead_table = salesforce_table('lead', ['id']) -%}
{%- set contact_table = salesforce_table('contact', ['id']) -%}
{%- if not lead_table.present and not contact_table.present -%}
    {{ exceptions.raise_compiler_error(
        'salesforce: the schema ' ~ lead_table.relation.schema ~ ' has neither a lead nor a contact table: '
        ~ 'set the var raw_schema to the schema of the Fivetran Salesforce connector'
    ) }}
{%- endif -%}
{#- readable name -> the base model's column, per object -#}
{%- set lead_custom = {} -%}
{%- set contact_custom = {} -%}
{%- set custom_names = [] -%}
{%- for field in salesforce_custom_fields(lead_table) -%}
{%- do lead_custom.update({field.column: field.base_column}) -%}
{%- do custom_names.append(field.column) -%}
{%- endfor -%}
{%- for field in salesforce_custom_fields(contact_table) -%}
{%- do contact_custom.update({field.column: field.base_column}) -%}
{%- if field.column not in custom_names -%}
{%- do custom_names.append(field.column) -%}
{%- endif -%}
{%- endfor -%}

with

people as (

    select * from {{ ref('stg_salesforce__people') }}

),

leads as (

    select * from {{ ref('base_salesforce__lead') }}
    where is_current

),

contacts as (

    select * from {{ ref('base_salesforce__contact') }}
    where is_current

),

accounts as (

    select * from {{ ref('base_salesforce__account') }}
    where
        is_current
        and not is_deleted

),

-- the record that is the person: a lead, or a contact no lead was converted into
person_records as (

    select
        lead_id,
        record_id,
        record_table

    from people
    where record_status = 'scored'

),

-- the person's contact: its own record, or the contact its lead was converted into
person_contacts as (

    select
        lead_id,
        record_id as contact_id

    from people
    where
        record_table = 'contact'
        and record_status in ('scored', 'converted_from_lead')

),

joined as (

    select
        person_records.lead_id,
        coalesce(contacts.email, leads.email) as email,
        coalesce(contacts.title, leads.title) as job_title,
        coalesce(accounts.industry, leads.industry) as industry,
        coalesce(accounts.account_name, leads.company) as company_name,
        cast(coalesce(accounts.number_of_employees, leads.number_of_employees) as {{ dbt.type_string() }})
            as company_size,
        cast(coalesce(accounts.annual_revenue, leads.annual_revenue) as {{ dbt.type_string() }}) as annual_revenue,
        coalesce(
            contacts.mailing_country_code,
            contacts.mailing_country,
            leads.country_code,
            leads.country,
            accounts.billing_country_code,
            accounts.billing_country
        ) as country,
        case when leads.lead_id is not null then leads.created_date else contacts.created_date end as created_at,
        leads.lead_id as salesforce_lead_id,
        contacts.contact_id as salesforce_contact_id,
        accounts.account_id as salesforce_account_id,
        case when contacts.contact_id is not null then 'contact' else 'lead' end as salesforce_object,
        coalesce(contacts.lead_source, leads.lead_source) as lead_source,
        leads.status as lead_status,
        leads.rating,
        cast(leads.is_converted as {{ dbt.type_string() }}) as is_converted,
        cast(leads.converted_date as {{ dbt.type_string() }}) as lead_converted_date,
        cast(
            coalesce(contacts.has_opted_out_of_email, leads.has_opted_out_of_email) as {{ dbt.type_string() }}
        ) as has_opted_out_of_email
        {%- for name in custom_names %},
        {%- if name in lead_custom and name in contact_custom %}
        coalesce(
            contacts.{{ quote_identifier(contact_custom[name]) }},
            leads.{{ quote_identifier(lead_custom[name]) }}
        ) as {{ quote_identifier(name) }}
        {%- elif name in contact_custom %}
        contacts.{{ quote_identifier(contact_custom[name]) }} as {{ quote_identifier(name) }}
        {%- else %}
        leads.{{ quote_identifier(lead_custom[name]) }} as {{ quote_identifier(name) }}
        {%- endif %}
    {%- endfor %}

    from person_records
    left join leads
        on
            person_records.record_table = 'lead'
            and person_records.record_id = leads.lead_id
    left join person_contacts
        on person_records.lead_id = person_contacts.lead_id
    left join contacts
        on person_contacts.contact_id = contacts.contact_id
    left join accounts
        on coalesce(contacts.account_id, leads.converted_account_id) = accounts.account_id

),

final as (

    select * from joined

)

select * from final
