{#-
    The data-quality ledger: one row per input row that is left out of scoring, with the
    source, its key, the reason and the run's as_of (is_row_left_out = true), plus one row per
    scored lead and attribute whose value a numeric rule cannot read, and per scored lead whose
    country maps to no region (is_row_left_out = false: the lead is scored, but that rule or
    the region cannot match it). With `crm_source` set, also one row per row of the CRM's
    connector tables that its adapter does not pass on (deleted or merged records, activities
    of nobody known: stg_<crm>__rows_left_out), source_name '<crm>.<table>'. Exact duplicate rows, events after
    as_of and rows of leads created after as_of are not issues: data_quality_reconciliation
    counts them.
-#}
with

lead_rows as (

    select * from {{ ref('int_leads_classified') }}

),

event_rows as (

    select * from {{ ref('int_lead_events_classified') }}

),

conversions as (

    select * from {{ ref('stg_conversions') }}

),

attributes as (

    select * from {{ ref('int_lead_attributes_unpivoted') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}

),

scored_leads as (

    select * from {{ ref('int_leads_enriched') }}

),
{%- if crm_model('rows_left_out') is not none %}

crm_rows_left_out as (

    select * from {{ crm_model('rows_left_out') }}

),
{%- endif %}

lead_issues as (

    select
        'leads' as source_name,
        lead_id as source_key,
        lead_id,
        row_status as issue_code,
        case row_status
            when 'missing_lead_id' then 'lead_id is missing'
            when 'missing_created_at' then 'created_at is missing'
            when 'unparseable_created_at'
                then 'created_at ' || {{ quoted_text('created_at_text') }} || ' is not a timestamp'
            when 'duplicate_lead_id'
                then 'a second row for lead_id ' || {{ quoted_text('lead_id') }}
                    || ': the row with the earliest created_at is scored'
        end as issue_description,
        true as is_row_left_out

    from lead_rows
    where row_status not in ('scored', 'exact_duplicate', 'created_after_as_of')

),

event_issues as (

    select
        'lead_events' as source_name,
        event_id as source_key,
        lead_id,
        row_status as issue_code,
        case row_status
            when 'missing_event_id' then 'event_id is missing'
            when 'missing_lead_id' then 'lead_id is missing'
            when 'missing_event_type' then 'event_type is missing'
            when 'missing_occurred_at' then 'occurred_at is missing'
            when 'unparseable_occurred_at'
                then 'occurred_at ' || {{ quoted_text('occurred_at_text') }} || ' is not a timestamp'
            when 'reused_event_id'
                then 'event_id ' || {{ quoted_text('event_id') }}
                    || ' is used by another, different row: the row with the earliest occurred_at is scored'
            when 'unknown_lead' then 'lead_id ' || {{ quoted_text('lead_id') }} || ' is not a usable lead'
        end as issue_description,
        true as is_row_left_out

    from event_rows
    where row_status not in ('scored', 'exact_duplicate', 'after_as_of', 'lead_after_as_of')

),

conversion_issues as (

    select
        'conversions' as source_name,
        conversions.lead_id as source_key,
        conversions.lead_id,
        case
            when conversions.lead_id is null then 'missing_lead_id'
            when conversions.converted_at is null then 'unparseable_converted_at'
            else 'unknown_lead'
        end as issue_code,
        case
            when conversions.lead_id is null then 'lead_id is missing'
            when conversions.converted_at is null then 'converted_at is missing or not a timestamp'
            else 'lead_id ' || {{ quoted_text('conversions.lead_id') }} || ' is not a usable lead'
        end as issue_description,
        true as is_row_left_out

    from conversions
    left join lead_rows
        on
            conversions.lead_id = lead_rows.lead_id
            and lead_rows.row_status in ('scored', 'created_after_as_of')
    where
        conversions.lead_id is null
        or conversions.converted_at is null
        or lead_rows.lead_id is null

),

numeric_attributes as (

    select distinct attribute
    from rules
    where operator in ('gt', 'gte', 'lt', 'lte', 'between')

),

unreadable_numbers as (

    select
        'leads' as source_name,
        attributes.lead_id as source_key,
        attributes.lead_id,
        'unreadable_number' as issue_code,
        attributes.attribute || ' ' || {{ quoted_text('attributes.attribute_value') }}
        || ' is not a number: numeric rules on it do not match' as issue_description,
        false as is_row_left_out

    from attributes
    inner join numeric_attributes
        on attributes.attribute = numeric_attributes.attribute
    where attributes.attribute_value is not null and attributes.attribute_number is null

),

-- a country that is no code, name or alias of the country_regions seed: no region
unknown_countries as (

    select
        'leads' as source_name,
        lead_id as source_key,
        lead_id,
        'unknown_country' as issue_code,
        'country ' || {{ quoted_text('country') }}
        || ' is no country code, name or alias of the country_regions seed: the lead has no region'
            as issue_description,
        false as is_row_left_out

    from scored_leads
    where country is not null and country_code is null

),

{%- if crm_model('rows_left_out') is not none %}

crm_issues as (

    select
        source_name,
        source_key,
        lead_id,
        issue_code,
        issue_description,
        true as is_row_left_out

    from crm_rows_left_out

),
{%- endif %}

unioned as (

    select * from lead_issues
    union all
    select * from event_issues
    union all
    select * from conversion_issues
    union all
    select * from unreadable_numbers
    union all
    select * from unknown_countries
    {%- if crm_model('rows_left_out') is not none %}
    union all
    select * from crm_issues
    {%- endif %}

),

final as (

    select
        {{ as_of_date() }} as as_of_date,
        source_name,
        source_key,
        lead_id,
        issue_code,
        issue_description,
        is_row_left_out

    from unioned

)

select * from final
