{#-
    One row per lead and fit or exclusion rule whose condition holds on the lead's attribute
    (SCORING.md §3). Text operators compare trimmed lower-case text; numeric operators compare
    numbers and never match a value that is not one; a null attribute matches only `is_null`.
    Rule groups are not resolved yet.
-#}
{{ config(materialized='table') }}  {# read by several models: computed once #}

with

attributes as (

    select * from {{ ref('int_lead_attributes_unpivoted') }}

),

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension in ('fit', 'exclusion')

),

rule_values as (

    select * from {{ ref('int_scorecard_rule_values_unnested') }}

),

-- the distinct values of each attribute: a rule's text checks depend on the value only, so
-- they are evaluated once per value, not once per lead
attribute_values as (

    select distinct
        attribute,
        attribute_value

    from attributes
    where attribute_value is not null

),

value_checks as (

    -- per value and text rule: does any of the rule's values equal, occur in, start or end it
    select
        attribute_values.attribute,
        attribute_values.attribute_value,
        rule_values.rule_id,
        max(case when attribute_values.attribute_value = rule_values.list_value then 1 else 0 end)
            as has_equal_value,
        max(
            case
                when {{ dbt.position('rule_values.list_value', 'attribute_values.attribute_value') }} > 0 then 1
                else 0
            end
        ) as has_contained_value,
        max(case
            when substr(attribute_values.attribute_value, 1, {{ dbt.length('rule_values.list_value') }})
                = rule_values.list_value then 1
            else 0
        end) as has_prefix_value,
        max(case
            when {{ dbt.right('attribute_values.attribute_value', dbt.length('rule_values.list_value')) }}
                = rule_values.list_value then 1
            else 0
        end) as has_suffix_value

    from attribute_values
    inner join rule_values
        on attribute_values.attribute = rule_values.attribute
    group by attribute_values.attribute, attribute_values.attribute_value, rule_values.rule_id

),

lead_rules as (

    select
        attributes.lead_id,
        attributes.attribute_value,
        attributes.attribute_number,
        rules.scorecard_id,
        rules.rule_id,
        rules.dimension,
        rules.operator,
        rules.value_number,
        rules.value_low_number,
        rules.value_high_number,
        rules.points,
        rules.rule_group,
        rules.description,
        coalesce(value_checks.has_equal_value, 0) = 1 as has_equal_value,
        coalesce(value_checks.has_contained_value, 0) = 1 as has_contained_value,
        coalesce(value_checks.has_prefix_value, 0) = 1 as has_prefix_value,
        coalesce(value_checks.has_suffix_value, 0) = 1 as has_suffix_value

    from attributes
    inner join rules
        on attributes.attribute = rules.attribute
    left join value_checks
        on
            attributes.attribute = value_checks.attribute
            and attributes.attribute_value = value_checks.attribute_value
            and rules.rule_id = value_checks.rule_id

),

evaluated as (

    select
        *,
        coalesce(
            case
                when operator = 'is_null' then attribute_value is null
                when operator = 'is_not_null' then attribute_value is not null
                when attribute_value is null then false
                when operator in ('equals', 'in') then has_equal_value
                when operator in ('not_equals', 'not_in') then not has_equal_value
                when operator = 'contains' then has_contained_value
                when operator = 'not_contains' then not has_contained_value
                when operator = 'starts_with' then has_prefix_value
                when operator = 'ends_with' then has_suffix_value
                when operator = 'gt' then attribute_number > value_number
                when operator = 'gte' then attribute_number >= value_number
                when operator = 'lt' then attribute_number < value_number
                when operator = 'lte' then attribute_number <= value_number
                when operator = 'between'
                    then attribute_number >= value_low_number and attribute_number <= value_high_number
            end,
            false
        ) as is_match

    from lead_rules

),

final as (

    select
        lead_id,
        scorecard_id,
        rule_id,
        dimension,
        rule_group,
        description,
        points

    from evaluated
    where is_match

)

select * from final
