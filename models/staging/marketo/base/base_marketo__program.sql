{#-
    One row per Marketo program (connector table program), renamed and cast only: its name,
    type (program, event, webinar, nurture) and channel, which tell a webinar from an event in
    stg_marketo__activities. Optional: without the table, no rows (webinars are then told by
    their status text alone).
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{%- set relation = source('marketo', 'program') -%}
{%- set exists = crm_table_exists(relation) -%}
{%- set wanted = ['id', 'name', 'type', 'channel', '_fivetran_deleted'] -%}
{%- if exists -%}
{%- set inputs = source_columns(relation, wanted, ['id']) -%}
{%- else -%}
{%- set inputs = {'found': {'id': none, 'name': none, 'type': none, 'channel': none, '_fivetran_deleted': none}} -%}
{%- endif %}

with

source as (
    {%- if exists %}

    select * from {{ relation }}
    {%- else %}

    -- program does not exist in this account's connector schema: no rows
    select 1 as absent_table
    from (select 1 as absent_table) as absent_table
    where 1 = 0
    {%- endif %}

),

renamed as (

    select
        {{ marketo_typed_column(inputs, 'id') }} as program_id,
        {{ marketo_typed_column(inputs, 'name') }} as program_name,
        {{ marketo_typed_column(inputs, 'type') }} as program_type,
        {{ marketo_typed_column(inputs, 'channel') }} as program_channel,
        coalesce({{ marketo_typed_column(inputs, '_fivetran_deleted', 'boolean') }}, false) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
