{#-
    The engagement state: one row per lead, engagement rule (rule_key `rule:<rule_id>`) or
    scorecard SQL trigger (`trigger:<scorecard_id>`) and event day, with the number of events
    of that day that count for it (usable, counted once per event_id, same event type, detail
    like the filter, day within the window as of the run). Decay, caps, at_least and none only
    need these day counts (an occurrence's points depend on its day only), so the events are
    read once and every later step works on this much smaller table. Events are counted
    whatever their lead's status: leads are joined when scoring, so a lead that becomes usable
    later needs no re-read of its events. Also one ledger row per event day
    (lead_id '', rule_key `input_rows`): the input rows dated that day, on or before as_of,
    and the scorecard_fingerprint (engagement_fingerprint) of the run.

    Incremental (daily) runs recount only the days whose input row count differs from the
    ledger (new days, late-arriving events, copies arriving later, events that were after the
    last as_of), from scratch, and replace the rows of every (lead_id, rule_key) they touch
    (delete+insert). They recount every day instead when the engagement rules or triggers
    changed (another fingerprint), when as_of moved backwards, or when an event of a
    recounted day shares its event_id with a row of another day (which row counts may change
    on a day that is not recounted). `dbt build --full-refresh` rebuilds the table. The input
    must only grow: a deleted or edited past row needs --full-refresh. Opt-in (var
    incremental_engagement_state: true): as measured by benchmarks/run.py, a daily run is not
    yet faster than a full build. Otherwise, and always on Spark, a plain table rebuilt every
    run.
-#}
{{ config(
    materialized=(
        'incremental' if var('incremental_engagement_state', false) and target.type != 'spark' else 'table'
    ),
    incremental_strategy='delete+insert',
    unique_key=['lead_id', 'rule_key'],
    on_schema_change='fail',
) }}

{%- set plan = engagement_recount_plan() %}
{%- set raw_occurred_at = parse_timestamp_column(source('raw', 'lead_events'), 'occurred_at') %}
{#- a usable event row (an id, a lead, a type, dated on or before as_of) of a recounted day #}
{%- set recounted_row -%}
    event_id is not null
    and lead_id is not null
    and event_type is not null
    and cast(occurred_at as date) <= {{ as_of_date() }}
    and {{ engagement_recount_filter(plan, 'occurred_at') }}
{%- endset %}

with

events as (

    select * from {{ ref('stg_lead_events') }}

),

event_times as (

    select occurred_at from {{ ref('stg_lead_events') }}

),

raw_events as (

    select * from {{ source('raw', 'lead_events') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension = 'engagement'

),

trigger_types as (

    select * from {{ ref('int_scorecard_trigger_types_unnested') }}

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

-- what is counted: the engagement rules, and each scorecard's SQL trigger event types
rule_keys as (

    select
        'rule:' || rule_id as rule_key,
        scorecard_id,
        rule_id,
        event_type,
        event_filter,
        window_days

    from rules

    union all

    select distinct
        'trigger:' || scorecard_id as rule_key,
        scorecard_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        event_type,
        cast(null as {{ dbt.type_string() }}) as event_filter,
        sql_trigger_window_days as window_days

    from trigger_types

),

-- a small number per rule_key to group on, and the first day of its window
numbered_keys as (

    select
        *,
        dense_rank() over (order by rule_key) as key_number,
        cast({{ dbt.dateadd('day', '1 - window_days', as_of_date()) }} as date) as first_event_date

    from rule_keys

),

key_names as (

    select distinct
        key_number,
        rule_key,
        scorecard_id,
        rule_id,
        first_event_date

    from numbered_keys

),

-- the ledger: input rows per event day (rows without a readable timestamp have no day and
-- never count)
input_days as (

    select
        cast(occurred_at as date) as event_date,
        count(*) as event_count

    from event_times
    where cast(occurred_at as date) <= {{ as_of_date() }}
    group by cast(occurred_at as date)

),

-- the usable rows of the days recounted (every day unless a daily run)
recounted as (

    select
        event_id,
        lead_id,
        event_type,
        lower(event_detail) as event_detail,
        cast(occurred_at as date) as event_date

    from events
    where {{ recounted_row }}

),

-- rows of an event_id used more than once among the recounted rows; the row hash (the same
-- expression as stg_lead_events.row_hash) is computed for these few rows only
repeated_ids as (

    select {{ fast_hash('event_id') }} as id_hash

    from recounted
    group by {{ fast_hash('event_id') }}
    having count(*) > 1

),

repeated_raw as (

    select
        {{ clean_text('event_id') }} as event_id,
        {{ clean_text('lead_id') }} as lead_id,
        {{ normalize_text('event_type') }} as event_type,
        {{ raw_occurred_at }} as occurred_at,
        {{ clean_text('event_detail') }} as event_detail,
        {{ row_hash(['event_id', 'lead_id', 'event_type', 'occurred_at', 'event_detail']) }} as row_hash

    from raw_events
    where
        {{ fast_hash(clean_text('event_id')) }} in (select repeated_ids.id_hash from repeated_ids)
        and {{ engagement_recount_filter(plan, raw_occurred_at) }}

),

repeated as (

    select * from repeated_raw
    where {{ recounted_row }}

),

-- an event_id counts once, as its earliest row (ties: the row hash; exact copies: one of
-- them), as in int_lead_events_classified; the other rows are taken off the counts
ranked_repeats as (

    select
        *,
        dense_rank() over (
            partition by event_id
            order by occurred_at asc, row_hash asc
        ) as event_row_rank,
        row_number() over (
            partition by event_id, row_hash
            order by occurred_at asc
        ) as copy_rank

    from repeated

),

weighted as (

    select
        lead_id,
        event_type,
        event_detail,
        event_date,
        1 as event_weight

    from recounted

    union all

    select
        lead_id,
        event_type,
        lower(event_detail) as event_detail,
        cast(occurred_at as date) as event_date,
        -1 as event_weight

    from ranked_repeats
    where event_row_rank > 1 or copy_rank > 1

),

key_counts as (

    select
        weighted.lead_id,
        numbered_keys.key_number,
        weighted.event_date,
        sum(weighted.event_weight) as event_count

    from weighted
    inner join numbered_keys
        on weighted.event_type = numbered_keys.event_type
    where
        (numbered_keys.event_filter is null or weighted.event_detail like numbered_keys.event_filter)
        and (
            numbered_keys.first_event_date is null
            or weighted.event_date >= numbered_keys.first_event_date
        )
    group by
        weighted.lead_id,
        numbered_keys.key_number,
        weighted.event_date
    having sum(weighted.event_weight) > 0

),

counted as (

    select
        key_counts.lead_id,
        key_names.rule_key,
        key_names.scorecard_id,
        key_names.rule_id,
        key_counts.event_date,
        key_counts.event_count

    from key_counts
    inner join key_names
        on key_counts.key_number = key_names.key_number

),

{% if plan.incremental %}
-- every (lead, rule_key) with a recounted row or a row on a recounted day (every one when
-- all days are recounted) gets its complete new set of rows; the others keep theirs
touched as (

    select
        lead_id,
        rule_key

    from counted

    union

    select
        lead_id,
        rule_key

    from previous
    where {{ engagement_recount_filter(plan, 'event_date') }}

),

kept as (

    select
        previous.lead_id,
        previous.rule_key,
        previous.scorecard_id,
        previous.rule_id,
        previous.event_date,
        previous.event_count

    from previous
    inner join touched
        on
            previous.lead_id = touched.lead_id
            and previous.rule_key = touched.rule_key
    inner join key_names
        on previous.rule_key = key_names.rule_key
    where
        previous.event_count > 0
        and not ({{ engagement_recount_filter(plan, 'previous.event_date') }})
        and (
            key_names.first_event_date is null
            or previous.event_date >= key_names.first_event_date
        )

),

merged as (

    select * from kept
    union all
    select * from counted

),

-- a touched pair left without rows: an empty row replaces its old ones
emptied as (

    select
        touched.lead_id,
        touched.rule_key,
        cast(null as {{ dbt.type_string() }}) as scorecard_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        cast(null as date) as event_date,
        0 as event_count

    from touched
    left join merged
        on
            touched.lead_id = merged.lead_id
            and touched.rule_key = merged.rule_key
    where merged.lead_id is null

),

state_rows as (

    select * from merged
    union all
    select * from emptied

),
{% else %}
state_rows as (

    select * from counted

),
{% endif %}

unioned as (

    select
        lead_id,
        rule_key,
        scorecard_id,
        rule_id,
        event_date,
        event_count,
        cast(null as {{ dbt.type_string() }}) as scorecard_fingerprint

    from state_rows

    union all

    select
        '' as lead_id,
        'input_rows' as rule_key,
        cast(null as {{ dbt.type_string() }}) as scorecard_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
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
        event_date,
        cast(event_count as {{ dbt.type_bigint() }}) as event_count,
        {{ as_of_date() }} as as_of_date,
        scorecard_fingerprint

    from unioned

)

select * from final
