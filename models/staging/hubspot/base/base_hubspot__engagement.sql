{#-
    One row per row of the connector's `engagement` table (sales activities): the id as text,
    the type upper-cased, its time (timestamp; created_at where the v3 API leaves it empty),
    HubSpot's active flag (absent or null: active) and the deleted flag (absent: false).
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'engagement') -%}
{%- set engagement = source_columns(
    relation,
    ['id', 'type', 'timestamp', 'created_at', 'active', '_fivetran_deleted'],
    ['id', 'type'],
) -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ clean_key(input_column(engagement, 'id')) }} as engagement_id,
        upper({{ clean_text(input_column(engagement, 'type')) }}) as engagement_type,
        cast({{ input_column(engagement, 'timestamp') }} as {{ dbt.type_timestamp() }}) as occurred_at,
        cast({{ input_column(engagement, 'created_at') }} as {{ dbt.type_timestamp() }}) as created_at,
        coalesce(cast({{ input_column(engagement, 'active') }} as boolean), true) as is_active,
        coalesce(cast({{ input_column(engagement, '_fivetran_deleted') }} as boolean), false) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
