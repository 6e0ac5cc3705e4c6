{#-
    One row per row of the optional connector table `deal_contact`: a deal and a contact
    associated with it, as text. Empty when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'deal_contact') -%}
{%- set columns = ['deal_id', 'contact_id'] -%}
{%- set association = source_columns(relation, columns, columns) -%}

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
        {{ clean_key(input_column(association, 'deal_id')) }} as deal_id,
        {{ clean_key(input_column(association, 'contact_id')) }} as contact_id

    from source

),

final as (

    select * from renamed

)

select * from final
