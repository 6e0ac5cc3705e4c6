{#-
    One row per row of the optional connector table `engagement_call`: the engagement's id as
    text, the call's disposition and status (the v3 API's property_hs_call_* columns, else
    the older disposition / status), its time (v3 API) and the deleted flag. Empty when the
    table is absent (calls then have no known outcome).
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'engagement_call') -%}
{%- set columns = [
    'engagement_id', 'property_hs_call_disposition', 'property_hs_call_status', 'disposition',
    'status', 'timestamp', '_fivetran_deleted',
] -%}
{%- set call = source_columns(relation, columns, ['engagement_id']) -%}

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
        {{ clean_key(input_column(call, 'engagement_id')) }} as engagement_id,
        coalesce(
            {{ clean_text(input_column(call, 'property_hs_call_disposition')) }},
            {{ clean_text(input_column(call, 'disposition')) }}
        ) as disposition,
        coalesce(
            {{ clean_text(input_column(call, 'property_hs_call_status')) }},
            {{ clean_text(input_column(call, 'status')) }}
        ) as call_status,
        cast({{ input_column(call, 'timestamp') }} as {{ dbt.type_timestamp() }}) as occurred_at,
        coalesce(cast({{ input_column(call, '_fivetran_deleted') }} as boolean), false) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
