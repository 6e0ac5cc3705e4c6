{#-
    One row per row of the optional connector table `deal`: the deal's id and stage as text,
    its close date and the deleted flag (is_deleted or _fivetran_deleted; absent: false).
    Empty when the table is absent (conversions then come from the contacts' customer date
    only).
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'deal') -%}
{%- set columns = ['deal_id', 'deal_pipeline_stage_id', 'property_closedate', 'is_deleted', '_fivetran_deleted'] -%}
{%- set deal = source_columns(relation, columns, ['deal_id', 'deal_pipeline_stage_id']) -%}

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
        {{ clean_key(input_column(deal, 'deal_id')) }} as deal_id,
        {{ clean_key(input_column(deal, 'deal_pipeline_stage_id')) }} as stage_id,
        cast({{ input_column(deal, 'property_closedate') }} as {{ dbt.type_timestamp() }}) as closed_at,
        (
            coalesce(cast({{ input_column(deal, 'is_deleted') }} as boolean), false)
            or coalesce(cast({{ input_column(deal, '_fivetran_deleted') }} as boolean), false)
        ) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
