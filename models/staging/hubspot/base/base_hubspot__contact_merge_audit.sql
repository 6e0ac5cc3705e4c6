{#-
    One row per row of the optional connector table `contact_merge_audit` (deprecated by
    HubSpot's v3 API): the contact merged away (vid_to_merge) and the one it was merged into
    (canonical_vid), as text. Empty when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'contact_merge_audit') -%}
{%- set columns = ['canonical_vid', 'vid_to_merge'] -%}
{%- set audit = source_columns(relation, columns, columns) -%}

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
        {{ clean_key(input_column(audit, 'vid_to_merge')) }} as merged_contact_id,
        {{ clean_key(input_column(audit, 'canonical_vid')) }} as canonical_contact_id

    from source

),

final as (

    select * from renamed

)

select * from final
