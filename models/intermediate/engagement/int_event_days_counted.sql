{#-
    One row per event day on or before as_of: the number of input event rows dated that day
    (rows without a readable occurred_at have no day). The engagement state keeps these counts
    as its ledger; a daily run compares them with the ledger to find the days whose input
    changed (engagement_recount_plan), reading the events' timestamps once for the three
    models that need it.
-#}
{{ config(materialized='table') }}  {# a few hundred rows, read by three models #}

with

events as (

    select * from {{ ref('stg_lead_events') }}

),

final as (

    select
        cast(occurred_at as date) as event_date,
        count(*) as event_count

    from events
    where cast(occurred_at as date) <= {{ as_of_date() }}
    group by cast(occurred_at as date)

)

select * from final
