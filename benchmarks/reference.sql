-- Hand-written reference for the benchmark: one DuckDB query that returns the rows of the
-- project's `lead_scores` (SCORING.md, with the choices of README.md "Semantics where the
-- contract is silent") straight from the raw files and the scorecard seeds. It is generic
-- over the seeds like the dbt models: every rule, group, window, decay, cap, exclusion and
-- cut-off is read from scorecards.csv / scorecard_rules.csv, nothing is hard-coded.
--
-- Parameters (substituted by benchmarks/run.py with string.Template):
--   ${leads}, ${lead_events}          the Parquet (or CSV-readable) raw files
--   ${scorecards}, ${scorecard_rules}, ${country_regions}, ${matrix_segments}   seed CSVs
--   ${as_of}                           the scoring date, YYYY-MM-DD
--   ${score_reasons_max}               how many rules score_reasons names (dbt var, 3)
--
-- Assumptions (true of benchmarks/generate.py's files): created_at and occurred_at are
-- timestamps (text in ISO form works too: try_cast reads it), and the scorecard is valid
-- (the dbt gate would stop the build otherwise; this query does not re-check it).
--
-- How it is fast (the dbt models do the same work in more, separate steps):
--   * duplicate event ids are found with one pass over event_id only (a 64-bit hash per
--     row); only the few rows whose id repeats carry the row hash (md5) that breaks ties,
--     and they are resolved after the per-day aggregation, not by a window over every event;
--   * events are matched to rules (and SQL triggers, as extra "rules") and aggregated to
--     one row per lead, rule and day before anything else is joined: `max_count` most
--     recent occurrences and the decay only need the number of matches per day, because an
--     occurrence's points depend on its day only (ties on time do not change the sum); a
--     running sum over the days, most recent first, takes the max_count most recent;
--   * fit rules are evaluated once per distinct attribute value, not once per lead.
with

-- ---------------------------------------------------------------------------- scorecards
scorecards as (

    select
        nullif(trim(scorecard_id), '') as scorecard_id,
        try_cast(trim(mql_min_score) as double) as mql_min_score,
        try_cast(trim(mql_min_fit) as double) as mql_min_fit,
        try_cast(trim(sql_min_score) as double) as sql_min_score,
        lower(nullif(trim(sql_trigger_event_types), '')) as sql_trigger_event_types,
        try_cast(trim(sql_trigger_window_days) as integer) as sql_trigger_window_days,
        try_cast(trim(hot_min_score) as double) as hot_min_score,
        try_cast(trim(warm_min_score) as double) as warm_min_score,
        try_cast(trim(grade_a_min_fit) as double) as grade_a_min_fit,
        try_cast(trim(grade_b_min_fit) as double) as grade_b_min_fit,
        try_cast(trim(grade_c_min_fit) as double) as grade_c_min_fit,
        try_cast(trim(level_1_min_engagement) as double) as level_1_min_engagement,
        try_cast(trim(level_2_min_engagement) as double) as level_2_min_engagement,
        try_cast(trim(level_3_min_engagement) as double) as level_3_min_engagement,
        try_cast(trim(dead_below_fit_points) as double) as dead_below_fit_points

    from read_csv('${scorecards}', header = true, all_varchar = true)
    -- is_active: true / t / yes / y / 1 in any case, or empty (parse_boolean)
    where lower(coalesce(trim(is_active), '')) in ('true', 't', 'yes', 'y', '1', '')

),

rules as (

    select
        r.rule_id,
        r.scorecard_id,
        r.dimension,
        r.attribute,
        r.operator,
        r.value,
        r.value_number,
        r.value_low_number,
        r.value_high_number,
        r.event_type,
        r.event_filter,
        r.points,
        r.rule_group,
        r.max_count,
        r.window_days,
        r.half_life_days,
        r.description

    from (
        select
            nullif(trim(scorecard_id), '') as scorecard_id,
            nullif(trim(rule_id), '') as rule_id,
            lower(nullif(trim(dimension), '')) as dimension,
            lower(nullif(trim(attribute), '')) as attribute,
            coalesce(
                lower(nullif(trim(operator), '')),
                case when lower(nullif(trim(dimension), '')) = 'engagement' then 'each' end
            ) as operator,
            nullif(trim(value), '') as value,
            try_cast(trim(value) as double) as value_number,
            try_cast(nullif(trim(split_part(value, '|', 1)), '') as double) as value_low_number,
            try_cast(nullif(trim(split_part(value, '|', 2)), '') as double) as value_high_number,
            lower(nullif(trim(event_type), '')) as event_type,
            lower(nullif(trim(event_filter), '')) as event_filter,
            try_cast(trim(points) as double) as points,
            coalesce(nullif(trim(rule_group), ''), nullif(trim(rule_id), '')) as rule_group,
            try_cast(trim(max_count) as integer) as max_count,
            try_cast(trim(window_days) as integer) as window_days,
            try_cast(trim(half_life_days) as double) as half_life_days,
            coalesce(nullif(trim(description), ''), nullif(trim(rule_id), '')) as description,
            lower(coalesce(trim(is_active), '')) in ('true', 't', 'yes', 'y', '1', '')
                as is_active
        from read_csv('${scorecard_rules}', header = true, all_varchar = true)
    ) as r
    inner join scorecards
        on r.scorecard_id = scorecards.scorecard_id
    where r.is_active

),

-- the engagement rules and, as extra "rules" (kind = 'trigger'), each scorecard's SQL trigger
-- event types: one matching pass over the events serves both; `rule_key` is a small integer
engagement_keys as (

    select
        row_number() over (order by kind, rule_id, scorecard_id, event_type) as rule_key,
        *
    from (
        select
            'rule' as kind, rule_id, scorecard_id, event_type, event_filter, window_days
        from rules
        where dimension = 'engagement'

        union all

        select distinct
            'trigger' as kind,
            null as rule_id,
            scorecard_id,
            trigger_type as event_type,
            null as event_filter,
            sql_trigger_window_days as window_days
        from (
            select
                scorecard_id,
                sql_trigger_window_days,
                lower(nullif(trim(unnest(string_split(sql_trigger_event_types, '|'))), ''))
                    as trigger_type
            from scorecards
        )
        where trigger_type is not null
    )

),

-- ------------------------------------------------------------------------------- leads
lead_rows as (

    select
        nullif(trim(cast(lead_id as varchar)), '') as lead_id,
        try_cast(created_at as timestamp) as created_at,
        -- every other column is an attribute a rule may name, as trimmed text (blank: null)
        nullif(trim(cast(columns(* exclude (lead_id, created_at)) as varchar)), ''),
        -- the row's content, to break ties between two rows of one lead_id (as stg_leads)
        md5(
            coalesce(cast(lead_id as varchar), '') || '|' || coalesce(cast(email as varchar), '')
            || '|' || coalesce(cast(job_title as varchar), '')
            || '|' || coalesce(cast(industry as varchar), '')
            || '|' || coalesce(cast(company_name as varchar), '')
            || '|' || coalesce(cast(company_size as varchar), '')
            || '|' || coalesce(cast(annual_revenue as varchar), '')
            || '|' || coalesce(cast(country as varchar), '')
            || '|' || coalesce(cast(created_at as varchar), '')
        ) as row_hash

    from read_parquet('${leads}')

),

-- one row per lead_id: the earliest created_at (ties: the row hash); scored when created on
-- or before the as_of day. Leads created later are not scored but keep their events out.
lead_winners as (

    select *
    from lead_rows
    where lead_id is not null and created_at is not null
    qualify row_number() over (partition by lead_id order by created_at, row_hash) = 1

),

scored_leads as (

    select
        lead_winners.* exclude (row_hash),
        lower(nullif(trim(split_part(lead_winners.email, '@', 2)), '')) as email_domain,
        nullif(trim(country_regions.region), '') as region,
        date_diff('day', cast(lead_winners.created_at as date), date '${as_of}') as lead_age_days

    from lead_winners
    left join read_csv('${country_regions}', header = true, all_varchar = true) as country_regions
        on upper(lead_winners.country) = upper(nullif(trim(country_regions.country_code), ''))
    where cast(lead_winners.created_at as date) <= date '${as_of}'

),

-- --------------------------------------------------------------------------- fit rules
-- one row per lead and attribute (every column; nulls kept as chr(1) through the unpivot)
lead_attributes as (

    select
        lead_id,
        attribute,
        nullif(attribute_value, chr(1)) as attribute_value

    from (
        unpivot (
            select
                lead_id,
                coalesce(
                    lower(columns(* exclude (lead_id, created_at, lead_age_days))), chr(1)
                )
            from scored_leads
        )
        on columns(* exclude lead_id)
        into name attribute value attribute_value
    )
    where attribute in (select attribute from rules where dimension in ('fit', 'exclusion'))

),

-- the values each text rule compares with: a|b|c lists for in / not_in / contains /
-- not_contains, the whole value for equals / not_equals / starts_with / ends_with
rule_values as (

    select
        rule_id,
        coalesce(
            list_filter(
                list_transform(
                    case
                        when operator in ('in', 'not_in', 'contains', 'not_contains')
                            then string_split(value, '|')
                        else [value]
                    end,
                    lambda v: lower(nullif(trim(v), ''))
                ),
                lambda v: v is not null
            ),
            []
        ) as list_values

    from rules
    where dimension in ('fit', 'exclusion')

),

-- each rule evaluated once per distinct (attribute, value)
value_matches as (

    select
        values_seen.attribute,
        values_seen.attribute_value,
        rules.rule_id

    from (
        select
            attribute,
            attribute_value,
            -- read as a number with parse_number's grammar (a value that is not one: null)
            case
                when regexp_full_match(
                    trim(attribute_value),
                    '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]{1,2})?'
                ) then cast(trim(attribute_value) as double)
            end as attribute_number
        from (select distinct attribute, attribute_value from lead_attributes)
    ) as values_seen
    inner join rules
        on values_seen.attribute = rules.attribute
    inner join rule_values
        on rules.rule_id = rule_values.rule_id
    where coalesce(
        case
            when rules.operator = 'is_null' then values_seen.attribute_value is null
            when rules.operator = 'is_not_null' then values_seen.attribute_value is not null
            when values_seen.attribute_value is null then false
            when rules.operator in ('equals', 'in')
                then list_contains(rule_values.list_values, values_seen.attribute_value)
            when rules.operator in ('not_equals', 'not_in')
                then not list_contains(rule_values.list_values, values_seen.attribute_value)
            when rules.operator = 'contains'
                then coalesce(list_bool_or(list_transform(
                    rule_values.list_values, lambda v: contains(values_seen.attribute_value, v)
                )), false)
            when rules.operator = 'not_contains'
                then not coalesce(list_bool_or(list_transform(
                    rule_values.list_values, lambda v: contains(values_seen.attribute_value, v)
                )), false)
            when rules.operator = 'starts_with'
                then coalesce(list_bool_or(list_transform(
                    rule_values.list_values,
                    lambda v: starts_with(values_seen.attribute_value, v)
                )), false)
            when rules.operator = 'ends_with'
                then coalesce(list_bool_or(list_transform(
                    rule_values.list_values, lambda v: ends_with(values_seen.attribute_value, v)
                )), false)
            when rules.operator = 'gt' then values_seen.attribute_number > rules.value_number
            when rules.operator = 'gte' then values_seen.attribute_number >= rules.value_number
            when rules.operator = 'lt' then values_seen.attribute_number < rules.value_number
            when rules.operator = 'lte' then values_seen.attribute_number <= rules.value_number
            when rules.operator = 'between'
                then values_seen.attribute_number >= rules.value_low_number
                and values_seen.attribute_number <= rules.value_high_number
        end,
        false
    )

),

lead_rule_matches as (

    select
        lead_attributes.lead_id,
        rules.scorecard_id,
        rules.rule_id,
        rules.dimension,
        rules.rule_group,
        rules.points

    from lead_attributes
    inner join value_matches
        on
            lead_attributes.attribute = value_matches.attribute
            and lead_attributes.attribute_value is not distinct from value_matches.attribute_value
    inner join rules
        on value_matches.rule_id = rules.rule_id

),

-- per lead, scorecard and rule_group: the rule with the most points (ties: smallest rule_id)
fit_contributions as (

    select
        lead_id,
        scorecard_id,
        rule_id,
        'fit' as dimension,
        cast(points as decimal(18, 6)) as points

    from lead_rule_matches
    where dimension = 'fit'
    qualify row_number() over (
        partition by lead_id, scorecard_id, rule_group order by points desc, rule_id
    ) = 1

),

exclusions as (

    select
        lead_id,
        scorecard_id,
        min(rule_id) as exclusion_reason

    from lead_rule_matches
    where dimension = 'exclusion'
    group by lead_id, scorecard_id

),

-- ------------------------------------------------------------------------------- events
-- ids used by more than one row (a 64-bit hash of the trimmed id: a collision only adds a
-- candidate below, never loses one), and the hashes of a missing and of a blank id
repeated_event_ids as (

    select hash(trim(event_id)) as id_hash
    from read_parquet('${lead_events}')
    group by id_hash
    having count(*) > 1

    union

    select hash(trim(cast(null as varchar))) as id_hash

    union

    select hash('') as id_hash

),

-- the rows of those ids that do not count: an event_id counts once, as its earliest usable
-- row (ties: the row hash, as stg_lead_events computes it; exact copies: the first in the
-- file); a row without event_id never counts. Rows after as_of may go first: they never beat
-- a row on or before as_of. (Usability is a column, not a filter, so that the optimizer does
-- not push the trims down into the scan of every row.)
event_losers as (

    select file_row_number
    from (
        select
            raw.file_row_number,
            trim(raw.event_id) as event_id,
            try_cast(raw.occurred_at as timestamp) as occurred_at,
            coalesce(
                trim(raw.event_id) <> ''
                and trim(raw.lead_id) <> ''
                and trim(raw.event_type) <> ''
                and try_cast(raw.occurred_at as timestamp) is not null,
                false
            ) as is_usable,
            md5(
                coalesce(cast(raw.event_id as varchar), '')
                || '|' || coalesce(cast(raw.lead_id as varchar), '')
                || '|' || coalesce(cast(raw.event_type as varchar), '')
                || '|' || coalesce(cast(raw.occurred_at as varchar), '')
                || '|' || coalesce(cast(raw.event_detail as varchar), '')
            ) as row_hash

        from read_parquet('${lead_events}', file_row_number = true) as raw
        semi join repeated_event_ids
            on hash(trim(raw.event_id)) = repeated_event_ids.id_hash
        where cast(try_cast(raw.occurred_at as timestamp) as date) <= date '${as_of}'
    )
    qualify
        not is_usable
        or row_number() over (
            partition by event_id, is_usable order by occurred_at, row_hash, file_row_number
        ) > 1

),

-- the engagement rules' (and triggers') parameters, joined to every match
engagement_parameters as (

    select
        engagement_keys.*,
        rules.operator,
        rules.points,
        rules.max_count,
        rules.half_life_days

    from engagement_keys
    left join rules
        on engagement_keys.rule_id = rules.rule_id

),

-- one row per lead and rule (or trigger) with a match: usable events on or before as_of,
-- same event type, detail like the filter, age within the window. Unusable rows drop out
-- by themselves (a blank lead_id joins no lead, a blank type no rule, a null time no date)
-- or as losers (a missing or blank event_id).
day_stats as (

    select
        raw.lead_id,
        parameters.rule_key,
        raw.event_date,
        count(*) as matches

    from (
        -- usable rows on or before as_of, less the losers of a repeated event_id
        select
            trim(events.lead_id) as lead_id,
            lower(trim(events.event_type)) as event_type,
            lower(trim(events.event_detail)) as event_detail,
            cast(events.occurred_at as date) as event_date

        from read_parquet('${lead_events}', file_row_number = true) as events
        anti join event_losers
            on events.file_row_number = event_losers.file_row_number
        where cast(try_cast(events.occurred_at as timestamp) as date) <= date '${as_of}'
    ) as raw
    inner join engagement_parameters as parameters
        on
            raw.event_type = parameters.event_type
            and (
                parameters.window_days is null
                or raw.event_date > date '${as_of}' - cast(parameters.window_days as integer)
            )
            and (parameters.event_filter is null or raw.event_detail like parameters.event_filter)
    group by raw.lead_id, parameters.rule_key, raw.event_date

),

rule_stats as (

    select
        lead_id,
        rule_key,
        sum(matches) as matches,
        max(event_date) as last_event_date

    from day_stats
    group by lead_id, rule_key

),

-- ------------------------------------------------------------------- engagement points
-- `each`: the max_count most recent occurrences, by day (an occurrence's points depend on its
-- day only): a day counts the matches not already taken by more recent days
each_scored as (

    select
        counted_days.lead_id,
        parameters.rule_id,
        sum(
            counted_days.counted * parameters.points * case
                when parameters.half_life_days is null then 1.0
                else power(0.5, cast(date_diff('day', counted_days.event_date, date '${as_of}')
                    as double) / parameters.half_life_days)
            end
        ) as points

    from (
        select
            day_stats.lead_id,
            day_stats.rule_key,
            day_stats.event_date,
            case
                when parameters.max_count is null then day_stats.matches
                else least(
                    day_stats.matches,
                    parameters.max_count - (
                        sum(day_stats.matches) over (
                            partition by day_stats.lead_id, day_stats.rule_key
                            order by day_stats.event_date desc
                            rows between unbounded preceding and current row
                        ) - day_stats.matches
                    )
                )
            end as counted
        from day_stats
        inner join engagement_parameters as parameters
            on day_stats.rule_key = parameters.rule_key
        where parameters.kind = 'rule' and parameters.operator = 'each'
    ) as counted_days
    inner join engagement_parameters as parameters
        on counted_days.rule_key = parameters.rule_key
    where counted_days.counted > 0
    group by counted_days.lead_id, parameters.rule_id

),

rule_totals as (

    select
        rule_stats.lead_id,
        parameters.rule_id,
        parameters.kind,
        parameters.scorecard_id,
        rule_stats.matches

    from rule_stats
    inner join engagement_parameters as parameters
        on rule_stats.rule_key = parameters.rule_key

),

at_least_scored as (

    select
        rule_totals.lead_id,
        rules.rule_id,
        rules.points

    from rule_totals
    inner join rules
        on rule_totals.rule_id = rules.rule_id
    where
        rule_totals.kind = 'rule'
        and rules.operator = 'at_least'
        and rule_totals.matches >= rules.value_number

),

none_scored as (

    select
        scored_leads.lead_id,
        rules.rule_id,
        rules.points

    from scored_leads
    cross join rules
    anti join rule_totals
        on
            scored_leads.lead_id = rule_totals.lead_id
            and rules.rule_id = rule_totals.rule_id
    where
        rules.operator = 'none'
        and (rules.window_days is null or scored_leads.lead_age_days >= rules.window_days)

),

engagement_contributions as (

    select
        scored.lead_id,
        rules.scorecard_id,
        scored.rule_id,
        'engagement' as dimension,
        cast(scored.points as decimal(18, 6)) as points

    from (
        select * from each_scored
        union all
        select * from at_least_scored
        union all
        select * from none_scored
    ) as scored
    inner join rules
        on scored.rule_id = rules.rule_id
    semi join scored_leads
        on scored.lead_id = scored_leads.lead_id

),

sql_triggers as (

    select distinct
        rule_totals.lead_id,
        rule_totals.scorecard_id

    from rule_totals
    where rule_totals.kind = 'trigger'

),

-- ------------------------------------------------------------------------------ scores
contributions as (

    select * from fit_contributions
    union all
    select * from engagement_contributions

),

-- smaller rule_id first among equal points: a rank to sort on, descending
rule_order as (

    select
        rule_id,
        description,
        row_number() over (order by rule_id desc) as rule_rank_desc

    from rules

),

lead_points as (

    select
        contributions.lead_id,
        contributions.scorecard_id,
        sum(case when contributions.dimension = 'fit' then contributions.points else 0 end)
            as fit_points,
        sum(case when contributions.dimension = 'engagement' then contributions.points else 0 end)
            as engagement_points,
        -- the top rules by absolute points (rounded, non-zero; ties: smaller rule_id), as
        -- "Description +12"
        array_to_string(arg_max(
            rule_order.description || ' '
            || case when round(contributions.points, 0) > 0 then '+' else '' end
            || cast(cast(round(contributions.points, 0) as integer) as varchar),
            (abs(contributions.points), rule_order.rule_rank_desc),
            ${score_reasons_max}
        ) filter (where round(contributions.points, 0) <> 0), ', ') as score_reasons

    from contributions
    inner join rule_order
        on contributions.rule_id = rule_order.rule_id
    group by contributions.lead_id, contributions.scorecard_id

),

scored as (

    select
        scored_leads.lead_id,
        scorecards.*,
        cast(coalesce(lead_points.fit_points, 0) as decimal(18, 6)) as fit_points,
        cast(coalesce(lead_points.engagement_points, 0) as decimal(18, 6)) as engagement_points,
        exclusions.exclusion_reason,
        exclusions.exclusion_reason is not null as is_excluded,
        sql_triggers.lead_id is not null as has_sql_trigger,
        lead_points.score_reasons

    from scored_leads
    cross join scorecards
    left join lead_points
        on
            scored_leads.lead_id = lead_points.lead_id
            and scorecards.scorecard_id = lead_points.scorecard_id
    left join exclusions
        on
            scored_leads.lead_id = exclusions.lead_id
            and scorecards.scorecard_id = exclusions.scorecard_id
    left join sql_triggers
        on
            scored_leads.lead_id = sql_triggers.lead_id
            and scorecards.scorecard_id = sql_triggers.scorecard_id

),

graded as (

    select
        *,
        cast(least(greatest(round(fit_points, 0), 0), 100) as integer) as fit_score,
        cast(least(greatest(round(engagement_points, 0), 0), 100) as integer) as engagement_score,
        case
            when is_excluded then 0
            else cast(least(greatest(round(fit_points + engagement_points, 0), 0), 100) as integer)
        end as total_score,
        is_excluded or coalesce(fit_points < dead_below_fit_points, false) as is_dead

    from scored

),

final as (

    select
        graded.lead_id,
        graded.scorecard_id,
        date '${as_of}' as as_of_date,
        graded.fit_points,
        graded.engagement_points,
        graded.fit_score,
        graded.engagement_score,
        graded.total_score,
        grade.fit_grade,
        grade.engagement_level,
        grade.fit_grade || cast(grade.engagement_level as varchar) as matrix_cell,
        lower(nullif(trim(matrix_segments.segment), '')) as segment,
        case
            when graded.is_dead then 'dead'
            when graded.total_score >= graded.hot_min_score then 'hot'
            when graded.total_score >= graded.warm_min_score then 'warm'
            else 'cold'
        end as tier,
        graded.is_excluded,
        graded.exclusion_reason,
        grade.is_mql,
        grade.is_mql
        and (graded.total_score >= graded.sql_min_score or graded.has_sql_trigger) as is_sql,
        case
            when graded.is_excluded then 'Excluded: ' || exclusion_rules.description
            else graded.score_reasons
        end as score_reasons

    from graded
    cross join lateral (
        select
            case
                when graded.fit_score >= graded.grade_a_min_fit then 'A'
                when graded.fit_score >= graded.grade_b_min_fit then 'B'
                when graded.fit_score >= graded.grade_c_min_fit then 'C'
                else 'D'
            end as fit_grade,
            case
                when graded.engagement_score >= graded.level_1_min_engagement then 1
                when graded.engagement_score >= graded.level_2_min_engagement then 2
                when graded.engagement_score >= graded.level_3_min_engagement then 3
                else 4
            end as engagement_level,
            not graded.is_dead
            and graded.total_score >= graded.mql_min_score
            and graded.fit_score >= coalesce(graded.mql_min_fit, 0) as is_mql
    ) as grade
    left join read_csv('${matrix_segments}', header = true, all_varchar = true) as matrix_segments
        on grade.fit_grade || cast(grade.engagement_level as varchar)
        = upper(nullif(trim(matrix_segments.matrix_cell), ''))
    left join rules as exclusion_rules
        on graded.exclusion_reason = exclusion_rules.rule_id

)

select * from final
