{#-
    One row per row of the connector table lead (deleted and merged leads included), renamed
    and cast only. The contract's columns come from Marketo's standard fields (title ->
    job_title, company -> company_name, number_of_employees -> company_size, ...); is_deleted
    from the optional _fivetran_deleted. Every other column of the table (lead_source,
    lead_status, the account's custom fields...) passes through as text under its own name
    (marketo_lead_passthrough_columns), except Fivetran's _fivetran_* columns, ids of other
    records (*_id) and a few system fields.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{%- set relation = source('marketo', 'lead') -%}
{%- set standard = {
    'id': 'text', 'email': 'text', 'title': 'text', 'company': 'text', 'industry': 'text',
    'number_of_employees': 'text', 'annual_revenue': 'text', 'country': 'text',
    'created_at': 'timestamp', 'updated_at': 'timestamp', '_fivetran_deleted': 'boolean',
} -%}
{%- set inputs = source_columns(relation, standard.keys() | list, ['id', 'created_at']) -%}
{%- set passthrough = marketo_lead_passthrough_columns(inputs.extra) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ marketo_typed_column(inputs, 'id') }} as lead_id,
        {{ marketo_typed_column(inputs, 'email') }} as email,
        {{ marketo_typed_column(inputs, 'title') }} as job_title,
        {{ marketo_typed_column(inputs, 'company') }} as company_name,
        {{ marketo_typed_column(inputs, 'industry') }} as industry,
        {{ marketo_typed_column(inputs, 'number_of_employees') }} as company_size,
        {{ marketo_typed_column(inputs, 'annual_revenue') }} as annual_revenue,
        {{ marketo_typed_column(inputs, 'country') }} as country,
        {{ marketo_typed_column(inputs, 'created_at', 'timestamp') }} as created_at,
        {{ marketo_typed_column(inputs, 'updated_at', 'timestamp') }} as updated_at,
        {%- for column in passthrough %}
        cast({{ quote_identifier(column) }} as {{ dbt.type_string() }}) as {{ quote_identifier(column) }},
        {%- endfor %}
        coalesce({{ marketo_typed_column(inputs, '_fivetran_deleted', 'boolean') }}, false) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
