{#-
    Leads as they came, renamed and normalised only: keys and text trimmed (blank is null),
    created_at read as a timestamp. Attributes stay text (rules read them as text or numbers,
    SCORING.md §3), and any extra column of the source is passed through the same way so that
    a rule can name it.
-#}
{%- set known_columns = [
    'lead_id', 'email', 'job_title', 'industry', 'company_name', 'company_size',
    'annual_revenue', 'country', 'created_at',
] -%}
{%- set extra_columns = extra_source_columns(source('raw', 'leads'), known_columns) -%}

with

source as (

    select * from {{ source('raw', 'leads') }}

),

renamed as (

    select
        {{ clean_key('lead_id') }} as lead_id,
        {{ clean_text('email') }} as email,
        {{ clean_text('job_title') }} as job_title,
        {{ clean_text('industry') }} as industry,
        {{ clean_text('company_name') }} as company_name,
        {{ clean_text('company_size') }} as company_size,
        {{ clean_text('annual_revenue') }} as annual_revenue,
        upper({{ clean_text('country') }}) as country,
        {{ clean_text('created_at') }} as created_at_text,
        {{ parse_timestamp_column(source('raw', 'leads'), 'created_at') }} as created_at,
        {%- for column in extra_columns %}
        {{ clean_text(adapter.quote(column)) }} as {{ modules.re.sub('[^a-z0-9_]+', '_', column | lower) }},
        {%- endfor %}
        -- the full row in one text, to break ties between two rows of one lead_id
        {{ row_hash(known_columns + extra_columns) }} as row_hash

    from source

),

final as (

    select * from renamed

)

select * from final
