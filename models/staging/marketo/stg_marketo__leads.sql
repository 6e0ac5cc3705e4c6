{#-
    The contract's leads (SCORING.md §1) from Marketo's lead table: one row per lead row that
    is neither deleted (stg_marketo__deleted_leads) nor merged away into another lead
    (stg_marketo__lead_merges); those rows are listed in stg_marketo__rows_left_out. The
    contract's columns (lead_id, email, job_title, industry, company_name, company_size,
    annual_revenue, country, created_at), then every column of the lead table that passes
    through (lead_source, lead_status, custom fields: base_marketo__lead), under the name the
    connector gives it: a scorecard rule names it so (e.g. attribute `lead_source`).
    company_size is Marketo's number_of_employees, a whole number already (no ranges).
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('marketo'), materialized='table') }}
{%- set contract = [
    'lead_id', 'email', 'job_title', 'industry', 'company_name', 'company_size',
    'annual_revenue', 'country', 'created_at',
] -%}
{%- set own = contract + ['updated_at', 'is_deleted'] -%}
{%- set base_columns = relation_column_names(ref('base_marketo__lead')) or [] -%}
{%- set passthrough = [] -%}
{%- for name in base_columns if name | lower not in own -%}
{%- do passthrough.append(name) -%}
{%- endfor -%}
{#- the contract's columns, the passed-through ones (quoted: a name is data), created_at -#}
{%- set columns = contract[:-1] -%}
{%- for name in passthrough -%}
{%- do columns.append(quote_identifier(name)) -%}
{%- endfor %}

with

leads as (

    select * from {{ ref('base_marketo__lead') }}

),

lead_merges as (

    select * from {{ ref('stg_marketo__lead_merges') }}

),

deleted_leads as (

    select * from {{ ref('stg_marketo__deleted_leads') }}

),

kept as (

    select leads.*

    from leads
    left join lead_merges
        on leads.lead_id = lead_merges.lead_id
    left join deleted_leads
        on leads.lead_id = deleted_leads.lead_id
    where
        lead_merges.lead_id is null
        and deleted_leads.lead_id is null

),

final as (

    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        created_at

    from kept

)

select * from final
