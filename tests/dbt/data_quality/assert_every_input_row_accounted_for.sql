{#-
    Nothing is lost silently: for each source, every input row is scored, reported in
    data_quality_issues, or counted as an exact duplicate or as after as_of, and the input
    count is the source's own row count (counted here from staging, independently of the
    row classification; a CRM's connector tables by its adapter's stg_<crm>__rows_read, from
    its base models). Returns the sources whose counts do not add up.
-#}
with

reconciliation as (

    select * from {{ ref('data_quality_reconciliation') }}

),

source_counts as (

    select 'leads' as source_name, count(*) as source_rows from {{ ref('stg_leads') }}
    union all
    select 'lead_events' as source_name, count(*) as source_rows from {{ ref('stg_lead_events') }}
    {%- if crm_model('rows_read') is not none %}
    union all
    select source_name, input_rows as source_rows from {{ crm_model('rows_read') }}
    {%- endif %}

),

final as (

    select
        reconciliation.*,
        source_counts.source_rows

    from source_counts
    left join reconciliation
        on source_counts.source_name = reconciliation.source_name
    where
        reconciliation.source_name is null
        or reconciliation.input_rows <> source_counts.source_rows
        or reconciliation.input_rows
        <> reconciliation.scored_rows + reconciliation.reported_rows
        + reconciliation.exact_duplicate_rows + reconciliation.after_as_of_rows

)

select * from final
