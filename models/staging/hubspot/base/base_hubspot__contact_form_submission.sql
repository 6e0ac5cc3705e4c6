{#-
    One row per row of the connector's `contact_form_submission` table: the submission's id
    (conversion_id) and contact as text, the time, the form, the page's title and URL.
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'contact_form_submission') -%}
{%- set submission = source_columns(
    relation,
    ['conversion_id', 'contact_id', 'timestamp', 'form_id', 'title', 'page_url'],
    ['conversion_id', 'contact_id', 'timestamp'],
) -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ clean_key(input_column(submission, 'conversion_id')) }} as conversion_id,
        {{ clean_key(input_column(submission, 'contact_id')) }} as contact_id,
        cast({{ input_column(submission, 'timestamp') }} as {{ dbt.type_timestamp() }}) as submitted_at,
        {{ clean_key(input_column(submission, 'form_id')) }} as form_id,
        {{ clean_text(input_column(submission, 'title')) }} as page_title,
        {{ clean_text(input_column(submission, 'page_url')) }} as page_url

    from source

),

final as (

    select * from renamed

)

select * from final
