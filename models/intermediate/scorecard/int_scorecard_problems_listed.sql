{#-
    One row per problem that keeps a scorecard from being evaluated (SCORING.md §2), with a
    message that names the seed, the rule_id or scorecard_id, and what is wrong in plain words.
    Rules are checked when they would score (active, of an active or unknown scorecard);
    identity problems (missing or duplicate ids, unknown scorecard) are checked on every row.
    An event_filter's backslash must escape %, _ or a backslash (like_escaped): with the
    escaped pairs taken out, no backslash may be left. A required column that a seed lacks
    altogether is one problem of the seed's header. int_scorecards_validated stops the build
    when this model has any row. It also stops a country_regions seed in which one spelling
    (code, name or alias) names two countries.
-#}
-- depends_on: {{ ref('stg_lead_columns') }}
{%- set fit_operators = [
    'equals', 'not_equals', 'in', 'not_in', 'contains', 'not_contains', 'starts_with',
    'ends_with', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null',
] -%}
{%- set engagement_operators = ['each', 'at_least', 'none'] -%}
{%- set text_operators = fit_operators[:8] -%}
{%- set attributes = lead_attribute_columns(ref('stg_lead_columns')) | map(attribute='attribute') | list -%}

{#- (condition, problem) pairs over `rules`; each problem is a text expression -#}
{%- set rule_checks = [
    ("is_active_text is not null and " ~ parse_boolean('is_active_text') ~ " is null",
        "'is_active ' || " ~ quoted_text('is_active_text') ~ " || ' is not true or false'"),
    ("dimension is null", "'dimension is missing'"),
    ("dimension not in ('fit', 'engagement', 'exclusion')",
        "'dimension ' || " ~ quoted_text('dimension') ~ " || ' is not one of fit, engagement, exclusion'"),
    ("operator is null and dimension in ('fit', 'exclusion')", "'operator is missing'"),
    ("operator not in " ~ sql_literal_list(fit_operators + engagement_operators),
        "'operator ' || " ~ quoted_text('operator') ~ " || ' is not one of "
        ~ (fit_operators + engagement_operators) | join(', ') ~ "'"),
    ("dimension in ('fit', 'exclusion') and operator in " ~ sql_literal_list(engagement_operators),
        "'operator ' || " ~ quoted_text('operator') ~ " || ' is for engagement rules; ' || case when dimension = 'fit' then 'a fit' else 'an exclusion' end || ' rule takes one of "
        ~ fit_operators | join(', ') ~ "'"),
    ("dimension = 'engagement' and operator in " ~ sql_literal_list(fit_operators),
        "'operator ' || " ~ quoted_text('operator') ~ " || ' is for fit and exclusion rules; an engagement rule takes one of "
        ~ engagement_operators | join(', ') ~ "'"),
    ("dimension in ('fit', 'exclusion') and attribute is null", "'attribute is missing'"),
    ("dimension in ('fit', 'exclusion') and attribute not in " ~ sql_literal_list(attributes or ['']),
        "'attribute ' || " ~ quoted_text('attribute') ~ " || ' is neither a column of leads nor a derived attribute (email_domain, region); name a column as the leads file spells it (case and surrounding spaces do not matter; stg_lead_columns lists them)'"),
    ("operator in ('gt', 'gte', 'lt', 'lte') and value_number is null",
        "'operator ' || operator || ' needs a number as value, got ' || " ~ quoted_text('value')),
    ("operator = 'between' and (value_low_number is null or value_high_number is null"
        ~ " or value_low_number > value_high_number or " ~ dbt.split_part('value', "'|'", 3) ~ " <> '')",
        "'operator between needs two ordered numbers as value (low|high), got ' || " ~ quoted_text('value')),
    ("operator in " ~ sql_literal_list(text_operators) ~ " and value is null",
        "'operator ' || operator || ' needs a value'"),
    ("operator = 'at_least' and (value_number is null or value_number <= 0 or value_number <> floor(value_number))",
        "'operator at_least needs a positive whole count as value, got ' || " ~ quoted_text('value')),
    ("dimension in ('fit', 'engagement') and points_text is null", "'points is missing'"),
    ("points_text is not null and points is null",
        "'points ' || " ~ quoted_text('points_text') ~ " || ' is not a number'"),
    ("dimension = 'engagement' and event_type is null", "'an engagement rule needs an event_type'"),
    ("event_filter is not null and " ~ dbt.position(string_literal('\\'),
        "replace(replace(replace(event_filter, " ~ string_literal('\\\\') ~ ", ''), "
        ~ string_literal('\\%') ~ ", ''), " ~ string_literal('\\_') ~ ", '')") ~ " > 0",
        "'event_filter ' || " ~ quoted_text('event_filter') ~ " || " ~ string_literal(
            ' has a backslash that escapes nothing: write \\% for a literal %, \\_ for a literal _, \\\\ for a backslash')),
    ("max_count_text is not null and (max_count is null or max_count <= 0)",
        "'max_count ' || " ~ quoted_text('max_count_text') ~ " || ' is not a positive whole number'"),
    ("window_days_text is not null and (window_days is null or window_days <= 0)",
        "'window_days ' || " ~ quoted_text('window_days_text') ~ " || ' is not a positive whole number'"),
    ("half_life_days_text is not null and (half_life_days is null or half_life_days <= 0)",
        "'half_life_days ' || " ~ quoted_text('half_life_days_text') ~ " || ' is not a positive number'"),
] -%}

{%- set required_numbers = [
    'mql_min_score', 'sql_min_score', 'hot_min_score', 'warm_min_score', 'grade_a_min_fit',
    'grade_b_min_fit', 'grade_c_min_fit', 'level_1_min_engagement', 'level_2_min_engagement',
    'level_3_min_engagement',
] -%}
{%- set optional_numbers = ['mql_min_fit', 'dead_below_fit_points'] -%}
{#- required columns a seed lacks (SCORING.md §2: the others may be left out) -#}
{%- set required_columns = {
    'scorecards': ['scorecard_id'] + required_numbers,
    'scorecard_rules': ['scorecard_id', 'rule_id', 'dimension', 'operator', 'points'],
} -%}
{%- set missing_columns = {} -%}
{%- for seed_name, columns in required_columns.items() -%}
{%- set found = input_columns(ref(seed_name), columns).found -%}
{%- set missing = [] -%}
{%- for column in columns if found[column] is none -%}
{%- do missing.append(column) -%}
{%- endfor -%}
{%- do missing_columns.update({seed_name: missing}) -%}
{%- endfor -%}
{#- (higher, lower): the first cut-off may not be below the second -#}
{%- set ordered_cutoffs = [
    ('hot_min_score', 'warm_min_score'), ('grade_a_min_fit', 'grade_b_min_fit'),
    ('grade_b_min_fit', 'grade_c_min_fit'), ('level_1_min_engagement', 'level_2_min_engagement'),
    ('level_2_min_engagement', 'level_3_min_engagement'), ('sql_min_score', 'mql_min_score'),
] -%}
{%- set scorecard_checks = [
    ("is_active_text is not null and " ~ parse_boolean('is_active_text') ~ " is null",
        "'is_active ' || " ~ quoted_text('is_active_text') ~ " || ' is not true or false'"),
    ("sql_trigger_window_days_text is not null and (sql_trigger_window_days is null or sql_trigger_window_days <= 0)",
        "'sql_trigger_window_days ' || " ~ quoted_text('sql_trigger_window_days_text') ~ " || ' is not a positive whole number'"),
] -%}
{%- for column in required_numbers if column not in missing_columns['scorecards'] -%}
{%- do scorecard_checks.append((column ~ "_text is null", "'" ~ column ~ " is missing'")) -%}
{%- endfor -%}
{%- for column in required_numbers + optional_numbers -%}
    {%- do scorecard_checks.append((
        column ~ "_text is not null and " ~ column ~ " is null",
        "'" ~ column ~ " ' || " ~ quoted_text(column ~ '_text') ~ " || ' is not a number'",
    )) -%}
{%- endfor -%}
{%- for higher, lower in ordered_cutoffs -%}
    {%- do scorecard_checks.append((
        higher ~ " < " ~ lower,
        "'" ~ higher ~ " (' || " ~ higher ~ "_text || ') is below " ~ lower ~ " (' || " ~ lower ~ "_text || ')'",
    )) -%}
{%- endfor %}

with

rules as (

    select * from {{ ref('stg_scorecard_rules') }}

),

scorecards as (

    select * from {{ ref('stg_scorecards') }}

),

country_spellings as (

    select * from {{ ref('int_country_spellings_unioned') }}

),

rules_to_check as (

    select rules.*
    from rules
    left join scorecards
        on rules.scorecard_id = scorecards.scorecard_id
    where
        (rules.is_active or rules.is_active is null)
        and (scorecards.is_active or scorecards.is_active is null)

),

-- the checks' numbers: each row to check is crossed with them and meets each check once, in
-- one pass over the rows (a union of one select per check read the seeds once per check,
-- which Spark took two minutes to plan and run)
check_numbers as (
    {%- for _ in range([rule_checks | length, scorecard_checks | length] | max) %}
    {{- '\n    union all' if not loop.first }}
    select {{ loop.index }} as check_number
    {%- endfor %}

),

rule_check_results as (

    select
        'rule ' || coalesce(rules_to_check.rule_id, '(no rule_id)') as subject,
        case check_numbers.check_number
            {%- for condition, problem in rule_checks %}
            when {{ loop.index }} then case when {{ condition }} then {{ problem }} end
            {%- endfor %}
        end as problem
    from rules_to_check
    cross join check_numbers
    where check_numbers.check_number <= {{ rule_checks | length }}

),

scorecard_check_results as (

    select
        'scorecard ' || coalesce(scorecards.scorecard_id, '(no scorecard_id)') as subject,
        case check_numbers.check_number
            {%- for condition, problem in scorecard_checks %}
            when {{ loop.index }} then case when {{ condition }} then {{ problem }} end
            {%- endfor %}
        end as problem
    from scorecards
    cross join check_numbers
    where
        (scorecards.is_active or scorecards.is_active is null)
        and check_numbers.check_number <= {{ scorecard_checks | length }}

),

rule_id_counts as (

    select
        rule_id,
        count(*) as row_count

    from rules
    where rule_id is not null
    group by rule_id

),

scorecard_id_counts as (

    select
        scorecard_id,
        count(*) as row_count

    from scorecards
    where scorecard_id is not null
    group by scorecard_id

),

active_rule_counts as (

    select
        scorecard_id,
        count(*) as row_count

    from rules
    where is_active
    group by scorecard_id

),

rule_problems as (

    select
        'rule ' || coalesce(rules.rule_id, '(no rule_id)') as subject,
        'rule_id is missing (scorecard ' || coalesce(rules.scorecard_id, '?') || ')' as problem
    from rules
    where rules.rule_id is null

    union all

    select
        'rule ' || rule_id as subject,
        'rule_id appears ' || cast(row_count as {{ dbt.type_string() }}) || ' times; it must be unique' as problem
    from rule_id_counts
    where row_count > 1

    union all

    select
        'rule ' || coalesce(rules.rule_id, '(no rule_id)') as subject,
        case
            when rules.scorecard_id is null then 'scorecard_id is missing'
            else 'scorecard ' || {{ quoted_text('rules.scorecard_id') }} || ' is not in the scorecards seed'
        end as problem
    from rules
    left join scorecards
        on rules.scorecard_id = scorecards.scorecard_id
    where scorecards.scorecard_id is null

    union all

    select
        subject,
        problem
    from rule_check_results
    where problem is not null

),

scorecard_problems as (

    select
        'scorecard ' || coalesce(scorecard_id, '(no scorecard_id)') as subject,
        'scorecard_id is missing' as problem
    from scorecards
    where scorecard_id is null

    union all

    select
        'scorecard ' || scorecard_id as subject,
        'scorecard_id appears ' || cast(row_count as {{ dbt.type_string() }}) || ' times; it must be unique' as problem
    from scorecard_id_counts
    where row_count > 1

    union all

    select
        'scorecard ' || scorecards.scorecard_id as subject,
        'the scorecard has no active rule' as problem
    from scorecards
    left join active_rule_counts
        on scorecards.scorecard_id = active_rule_counts.scorecard_id
    where scorecards.is_active and active_rule_counts.scorecard_id is null

    union all

    select
        'scorecards' as subject,
        'no scorecard is active' as problem
    from (
        select count(*) as active_count from scorecards
        where is_active
    ) as active_scorecards
    where active_count = 0

    union all

    select
        'scorecard ' || scorecards.scorecard_id as subject,
        case
            when scorecards.baseline_scorecard_id = scorecards.scorecard_id
                then 'baseline_scorecard_id names the scorecard itself'
            else 'baseline_scorecard_id ' || {{ quoted_text('scorecards.baseline_scorecard_id') }}
                || ' is not an active scorecard of the scorecards seed'
        end as problem
    from scorecards
    left join scorecards as baselines
        on
            scorecards.baseline_scorecard_id = baselines.scorecard_id
            and scorecards.baseline_scorecard_id <> scorecards.scorecard_id
            and (baselines.is_active or baselines.is_active is null)
    where
        (scorecards.is_active or scorecards.is_active is null)
        and scorecards.baseline_scorecard_id is not null
        and baselines.scorecard_id is null

    union all

    select
        subject,
        problem
    from scorecard_check_results
    where problem is not null

),

-- a spelling of two countries would give a lead two regions
reference_problems as (

    select
        'country_regions' as seed_name,
        'spelling ' || {{ quoted_text('country_spelling') }} as subject,
        'names ' || cast(count(distinct country_code) as {{ dbt.type_string() }})
        || ' countries; a code, name or alias may name one country only' as problem
    from country_spellings
    group by country_spelling
    having count(distinct country_code) > 1

),

header_problems as (

    select
        cast(null as {{ dbt.type_string() }}) as seed_name,
        cast(null as {{ dbt.type_string() }}) as subject,
        cast(null as {{ dbt.type_string() }}) as problem
    from scorecards
    where 1 = 0
    {%- for seed_name, columns in missing_columns.items() %}
    {%- for column in columns %}

    union all

    select
        '{{ seed_name }}' as seed_name,
        'header' as subject,
        'no column {{ column }} (a required column: add it, SCORING.md §2)' as problem
    {%- endfor %}
    {%- endfor %}

),

final as (

    select
        seed_name,
        subject,
        problem,
        seed_name || ': ' || subject || ': ' || problem as message
    from header_problems

    union all

    select
        seed_name,
        subject,
        problem,
        seed_name || ': ' || subject || ': ' || problem as message
    from reference_problems

    union all

    select
        'scorecard_rules' as seed_name,
        subject,
        problem,
        'scorecard_rules: ' || subject || ': ' || problem as message
    from rule_problems

    union all

    select
        'scorecards' as seed_name,
        subject,
        problem,
        'scorecards: ' || subject || ': ' || problem as message
    from scorecard_problems

)

select * from final
