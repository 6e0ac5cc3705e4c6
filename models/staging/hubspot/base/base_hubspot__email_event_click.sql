{#-
    One row per row of the optional connector table `email_event_click` (the CLICK events of
    email_event): the event's id as text and the URL clicked. Empty when the table is absent
    (clicks then have no URL).
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'email_event_click') -%}
{%- set columns = ['id', 'url'] -%}
{%- set click = source_columns(relation, columns, ['id']) -%}

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
        {{ clean_key(input_column(click, 'id')) }} as email_event_id,
        {{ clean_text(input_column(click, 'url')) }} as url

    from source

),

final as (

    select * from renamed

)

select * from final
