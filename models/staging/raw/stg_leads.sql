{#-
    Leads as they came, renamed and normalised only: keys and text trimmed (blank is null),
    created_at read as a timestamp. Attributes stay text (rules read them as text or numbers,
    SCORING.md §3). The contract's columns are found by their trimmed, lower-cased names
    ('Lead_ID' is lead_id); an optional one the source lacks is null. Every other column of
    the source passes through as text under a name of its own, extra__<name>
    (lead_input_columns; stg_lead_columns lists them and how a rule names them).
-#}
{%- set leads = lead_input_columns() -%}
{%- set attributes = [
    'email', 'job_title', 'industry', 'company_name', 'company_size', 'annual_revenue', 'country',
] -%}
{#- the row's content once cleaned: every column but the key and the time -#}
{%- set content = [] -%}
{%- for column in attributes -%}
{%- do content.append(clean_text(input_column(leads, column))) -%}
{%- endfor -%}
{%- for column in leads.extra -%}
{%- do content.append(clean_text(quote_identifier(column.source_column))) -%}
{%- endfor -%}
{%- for column in leads.extra if column.is_shadowed -%}
    {%- do exceptions.warn(
        "leads: the column '" ~ column.source_column ~ "' is not read as the attribute "
        ~ (column.source_column | trim | lower) ~ ", which is always derived (SCORING.md §1); "
        ~ 'it is kept as ' ~ column.staging_column
    ) -%}
{%- endfor -%}

with

source as (

    select * from {{ raw_input('leads') }}

),

renamed as (

    select
        {{ clean_key(input_column(leads, 'lead_id')) }} as lead_id,
        {%- for column in attributes %}
        {{ clean_text(input_column(leads, column)) }} as {{ column }},
        {%- endfor %}
        {{ clean_text(input_column(leads, 'created_at')) }} as created_at_text,
        {{ parse_timestamp_column(raw_input('leads'), leads.found['created_at']) }} as created_at,
        {%- for column in leads.extra %}
        {{ clean_text(quote_identifier(column.source_column)) }} as {{ column.staging_column }},
        {%- endfor %}
        -- two rows of one lead_id and created_at with the same hash are exact copies; the
        -- hash also breaks ties between different rows
        {{ row_hash(content) }} as row_hash

    from source

),

final as (

    select * from renamed

)

select * from final
