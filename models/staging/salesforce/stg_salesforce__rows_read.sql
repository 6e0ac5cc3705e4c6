{#-
    One row per connector table read: input_rows (the table's rows, deleted ones and past
    versions included) and mapped_rows (its rows passed on, counted from the outputs):
    lead, contact: the people of stg_salesforce__leads whose salesforce_lead_id /
    salesforce_contact_id they are (a converted lead and its contact are one person: each
    row counts once, for its own table); account: the distinct salesforce_account_id of
    stg_salesforce__leads (an account gives its fields to its contacts); task, event,
    campaign_member: the rows of stg_salesforce__lead_events by source_table; campaign: the
    distinct campaign_id of those events; opportunity: the distinct source_key of
    stg_salesforce__conversions (one opportunity may convert several people);
    opportunity_contact_role: the mapped roles of a converted opportunity. Every input row
    is mapped once or left out once (stg_salesforce__rows_left_out): input_rows =
    mapped_rows + left-out rows. An absent table reads 0 rows.
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized='table') }}
{%- set tables = [
    'lead', 'contact', 'account', 'task', 'event', 'campaign_member', 'campaign', 'opportunity',
    'opportunity_contact_role',
] -%}

with

leads as (

    select * from {{ ref('stg_salesforce__leads') }}

),

lead_events as (

    select * from {{ ref('stg_salesforce__lead_events') }}

),

conversions as (

    select * from {{ ref('stg_salesforce__conversions') }}

),

links as (

    select * from {{ ref('stg_salesforce__opportunity_links') }}

),

input_counts as (

    {%- for table in tables %}
    select
        'salesforce.{{ table }}' as source_name,
        count(*) as input_rows
    from {{ ref('base_salesforce__' ~ table) }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

mapped_counts as (

    select
        'salesforce.lead' as source_name,
        count(salesforce_lead_id) as mapped_rows
    from leads

    union all

    select
        'salesforce.contact' as source_name,
        count(salesforce_contact_id) as mapped_rows
    from leads

    union all

    select
        'salesforce.account' as source_name,
        count(distinct salesforce_account_id) as mapped_rows
    from leads

    union all

    select
        'salesforce.' || source_table as source_name,
        count(*) as mapped_rows
    from lead_events
    group by source_table

    union all

    select
        'salesforce.campaign' as source_name,
        count(distinct campaign_id) as mapped_rows
    from lead_events

    union all

    select
        'salesforce.opportunity' as source_name,
        count(distinct source_key) as mapped_rows
    from conversions

    union all

    select
        'salesforce.opportunity_contact_role' as source_name,
        count(distinct link_id) as mapped_rows
    from links
    where
        link_table = 'opportunity_contact_role'
        and row_status = 'mapped'
        and opportunity_id in (select conversions.source_key from conversions)

),

final as (

    select
        input_counts.source_name,
        cast(input_counts.input_rows as {{ dbt.type_bigint() }}) as input_rows,
        cast(coalesce(mapped_counts.mapped_rows, 0) as {{ dbt.type_bigint() }}) as mapped_rows

    from input_counts
    left join mapped_counts
        on input_counts.source_name = mapped_counts.source_name

)

select * from final
