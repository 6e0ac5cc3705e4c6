{#-
    One row per Marketo connector table the adapter reads and that exists in the connector's
    schema (an absent optional activity table is not listed): input_rows, every row of the
    table (deleted ones included), and mapped_rows, those passed on (lead rows to
    stg_marketo__leads, activities to stg_marketo__lead_events; a field change that is also
    a conversion is one activity passed on, counted once). Every other row is in
    stg_marketo__rows_left_out, so input_rows = mapped_rows + its rows for the table
    (assert_every_input_row_accounted_for). The program table is read for program names and
    types only: not listed.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('marketo'), materialized='table') }}
{%- set activity_tables = [
    'activity_send_email', 'activity_email_delivered', 'activity_open_email',
    'activity_click_email', 'activity_email_bounced', 'activity_email_bounced_soft',
    'activity_unsubscribe_email', 'activity_visit_webpage', 'activity_click_link',
    'activity_fill_out_form', 'activity_change_status_in_progression',
    'activity_change_data_value', 'activity_delete_lead', 'activity_merge_leads',
] -%}
{%- set present = [] -%}
{%- for table in activity_tables if crm_table_exists(source('marketo', table)) -%}
{%- do present.append(table) -%}
{%- endfor %}

with

leads as (

    select * from {{ ref('stg_marketo__leads') }}

),

events as (

    select * from {{ ref('stg_marketo__lead_events') }}

),

input_counts as (

    select
        'lead' as source_table,
        count(*) as input_rows
    from {{ ref('base_marketo__lead') }}
    {%- for table in present %}

    union all

    select
        '{{ table }}' as source_table,
        count(*) as input_rows
    from {{ ref('base_marketo__' ~ table) }}
    {%- endfor %}

),

mapped_counts as (

    select
        'lead' as source_table,
        count(*) as mapped_rows
    from leads

    union all

    select
        source_table,
        count(*) as mapped_rows
    from events
    group by source_table

),

final as (

    select
        'marketo.' || input_counts.source_table as source_name,
        input_counts.input_rows,
        coalesce(mapped_counts.mapped_rows, 0) as mapped_rows

    from input_counts
    left join mapped_counts
        on input_counts.source_table = mapped_counts.source_table

)

select * from final
