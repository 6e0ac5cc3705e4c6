{#-
    One row per scored source (leads, lead_events): how every input row was accounted for as
    of the scoring date. input_rows = scored_rows + reported_rows + exact_duplicate_rows +
    after_as_of_rows, checked by a data test: no row is lost silently. reported_rows is
    counted from the data_quality_issues ledger, the other figures from the row
    classification. With `crm_source` set, also one row per connector table of the CRM
    ('<crm>.<table>'): its rows, those its adapter passed on to leads / lead_events /
    conversions (scored_rows; their own accounting is in the rows above) and those it left out
    (reported_rows, listed in data_quality_issues).
-#}
with

lead_rows as (

    select * from {{ ref('int_leads_classified') }}

),

event_rows as (

    select * from {{ ref('int_lead_events_classified') }}

),

issues as (

    select * from {{ ref('data_quality_issues') }}

),
{%- if crm_model('rows_read') is not none %}

crm_rows_read as (

    select * from {{ crm_model('rows_read') }}

),
{%- endif %}

input_counts as (

    select
        'leads' as source_name,
        count(*) as input_rows,
        sum(case when row_status = 'scored' then 1 else 0 end) as scored_rows,
        sum(case when row_status = 'exact_duplicate' then 1 else 0 end) as exact_duplicate_rows,
        sum(case when row_status = 'created_after_as_of' then 1 else 0 end) as after_as_of_rows
    from lead_rows

    union all

    select
        'lead_events' as source_name,
        count(*) as input_rows,
        sum(case when row_status = 'scored' then 1 else 0 end) as scored_rows,
        sum(case when row_status = 'exact_duplicate' then 1 else 0 end) as exact_duplicate_rows,
        sum(case when row_status in ('after_as_of', 'lead_after_as_of') then 1 else 0 end)
            as after_as_of_rows
    from event_rows
    {%- if crm_model('rows_read') is not none %}

    union all

    select
        source_name,
        input_rows,
        mapped_rows as scored_rows,
        0 as exact_duplicate_rows,
        0 as after_as_of_rows
    from crm_rows_read
    {%- endif %}

),

reported_counts as (

    select
        source_name,
        count(*) as reported_rows

    from issues
    where is_row_left_out
    group by source_name

),

final as (

    select
        {{ as_of_date() }} as as_of_date,
        input_counts.source_name,
        cast(input_counts.input_rows as {{ dbt.type_bigint() }}) as input_rows,
        cast(coalesce(input_counts.scored_rows, 0) as {{ dbt.type_bigint() }}) as scored_rows,
        cast(coalesce(reported_counts.reported_rows, 0) as {{ dbt.type_bigint() }}) as reported_rows,
        cast(coalesce(input_counts.exact_duplicate_rows, 0) as {{ dbt.type_bigint() }}) as exact_duplicate_rows,
        cast(coalesce(input_counts.after_as_of_rows, 0) as {{ dbt.type_bigint() }}) as after_as_of_rows

    from input_counts
    left join reported_counts
        on input_counts.source_name = reported_counts.source_name

)

select * from final
