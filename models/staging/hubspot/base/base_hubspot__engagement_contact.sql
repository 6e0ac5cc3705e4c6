{#-
    One row per row of the connector's `engagement_contact` table: an engagement and a
    contact associated with it, as text.
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'engagement_contact') -%}
{%- set columns = ['engagement_id', 'contact_id'] -%}
{%- set association = source_columns(relation, columns, columns) -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ clean_key(input_column(association, 'engagement_id')) }} as engagement_id,
        {{ clean_key(input_column(association, 'contact_id')) }} as contact_id

    from source

),

final as (

    select * from renamed

)

select * from final
