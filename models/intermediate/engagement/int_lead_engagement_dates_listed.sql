{#-
    The engagement state: one row per lead and engagement key (int_engagement_keys_unioned:
    an engagement rule `rule:<rule_id>` or a scorecard's SQL trigger `trigger:<scorecard_id>`)
    with a match, and event_dates, the dates of its matches that its score can still need,
    most recent first (a date list, recent_dates_agg): matches are the events that count
    (usable, an event_id once: int_lead_events_contested; on or before as_of; a lead of any
    status, leads are joined when scoring), of the key's event type, detail LIKE its filter
    (int_event_details_matched), within its window as of the run; only the keep_count most
    recent are kept (a capped `each`: max_count; `none` and triggers: 1). Decay, caps,
    windows, `at_least` and `none` need no more: an occurrence's points depend on its day
    only. The events are read once, into this much smaller table. Also one ledger row per
    event day (lead_id '', rule_key `input_rows`): the input rows dated that day, on or
    before as_of, and the scorecard_fingerprint (engagement_fingerprint) of the run.

    Daily runs (var incremental_engagement_state, DuckDB only; engagement_recount_plan) read
    only the days whose number of input rows differs from the ledger (new days, late events,
    copies arriving later, events that were after the last as_of), and merge them into the
    lists of the (lead_id, rule_key) they touch (delete+insert); the other rows stay as they
    were (dates that left their window since are ignored by the readers). A lead with a row
    that now loses to another row of its event_id (a row that may have counted before) is
    recounted from all its days instead: its lists kept only their most recent dates, and
    losing one may bring back an older one. They recount every day instead when the
    engagement keys changed (another fingerprint) or as_of moved backwards. The input must
    only grow: a deleted or edited past row needs --full-refresh. Otherwise (and on
    PostgreSQL and Spark) a plain table rebuilt every run.
-#}
{{ config(
    materialized=('incremental' if incremental_engagement_state() else 'table'),
    incremental_strategy='delete+insert',
    unique_key=['lead_id', 'rule_key'],
    on_schema_change='fail',
) }}

{%- set plan = engagement_recount_plan() %}

with

events as (

    select * from {{ ref('stg_lead_events') }}

),

-- the ledger: input rows per event day on or before as_of
input_days as (

    select * from {{ ref('int_event_days_counted') }}

),

contested_events as (

    select * from {{ ref('int_lead_events_contested') }}

),

details as (

    select * from {{ ref('int_event_details_matched') }}

),

engagement_keys as (

    select * from {{ ref('int_engagement_keys_unioned') }}

),

{% if plan.incremental %}
previous as (

    select * from {{ this }}
    where rule_key <> 'input_rows'

),
{% endif %}

fingerprint as (

    {{ engagement_fingerprint() }}

),

-- the rows of the recounted days (all days unless a daily run) that count
counted_events as (

    {{ counted_events_query(
        'events', 'contested_events', engagement_recount_filter(plan, 'occurred_at', 'lead_id')
    ) | indent(4) }}

),

matches as (

    select
        counted_events.lead_id,
        details.key_number,
        details.keep_count,
        counted_events.event_date

    from counted_events
    inner join details
        on
            counted_events.event_type = details.event_type
            and coalesce(counted_events.event_detail, '') = details.detail_key
    where details.first_event_date is null or counted_events.event_date >= details.first_event_date

),

key_names as (

    select distinct
        key_number,
        rule_key,
        scorecard_id,
        rule_id,
        first_event_date,
        keep_count

    from engagement_keys

),

listed as (

    select
        key_numbered.lead_id,
        key_names.rule_key,
        key_names.scorecard_id,
        key_names.rule_id,
        key_numbered.event_dates

    from (
        select
            lead_id,
            key_number,
            {{ recent_dates_agg('event_date', 'keep_count') }} as event_dates

        from matches
        group by lead_id, key_number, keep_count
    ) as key_numbered
    inner join key_names
        on key_numbered.key_number = key_names.key_number

),

{% if plan.incremental %}
-- every (lead, key) with a recounted match or a recounted date (on a recounted day, or of a
-- lead recounted whole; every one when all days are recounted) gets its merged list; the
-- others keep theirs
touched as (

    select
        lead_id,
        rule_key

    from listed

    union

    select
        lead_id,
        rule_key

    from previous
    where {{ date_list_has_recounted_date('event_dates', plan, 'lead_id') }}

),

-- (a key that is gone, after a scorecard edit: an empty list replaces its rows)
state_rows as (

    select
        touched.lead_id,
        touched.rule_key,
        key_names.scorecard_id,
        key_names.rule_id,
        {{ date_list_merge(
            'previous.event_dates', 'listed.event_dates', 'key_names.keep_count',
            'key_names.first_event_date', plan, 'touched.lead_id'
        ) }} as event_dates

    from touched
    left join key_names
        on touched.rule_key = key_names.rule_key
    left join previous
        on
            touched.lead_id = previous.lead_id
            and touched.rule_key = previous.rule_key
    left join listed
        on
            touched.lead_id = listed.lead_id
            and touched.rule_key = listed.rule_key

),
{% else %}
state_rows as (

    select * from listed

),
{% endif %}

unioned as (

    select
        lead_id,
        rule_key,
        scorecard_id,
        rule_id,
        event_dates,
        cast(null as date) as event_date,
        cast(null as {{ dbt.type_bigint() }}) as event_count,
        cast(null as {{ dbt.type_string() }}) as scorecard_fingerprint

    from state_rows

    union all

    select
        '' as lead_id,
        'input_rows' as rule_key,
        cast(null as {{ dbt.type_string() }}) as scorecard_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        cast(null as {{ date_list_type() }}) as event_dates,
        input_days.event_date,
        input_days.event_count,
        fingerprint.scorecard_fingerprint

    from input_days
    cross join fingerprint

),

final as (

    select
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        cast(rule_key as {{ dbt.type_string() }}) as rule_key,
        scorecard_id,
        rule_id,
        event_dates,
        event_date,
        cast(event_count as {{ dbt.type_bigint() }}) as event_count,
        {{ as_of_date() }} as as_of_date,
        scorecard_fingerprint

    from unioned

)

select * from final
