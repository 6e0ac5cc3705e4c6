{#-
    One row per active text-comparing fit or exclusion rule and value it compares with, in
    comparison form. `in`, `not_in`, `contains` and `not_contains` take a `a|b|c` list (one
    row per non-blank element); `equals`, `not_equals`, `starts_with` and `ends_with` take the
    whole value. Numeric and null operators need no rows here.
-#}
with

rules as (

    select * from {{ ref('int_scorecard_rules_filtered') }}
    where dimension in ('fit', 'exclusion')

),

list_elements as (

    select
        rule_id,
        attribute,
        {{ unnest_list('value') }} as list_value
    from rules
    where operator in ('in', 'not_in', 'contains', 'not_contains')

),

single_values as (

    select
        rule_id,
        attribute,
        value as list_value
    from rules
    where operator in ('equals', 'not_equals', 'starts_with', 'ends_with')

),

unioned as (

    select * from list_elements
    union all
    select * from single_values

),

final as (

    select
        rule_id,
        attribute,
        {{ normalize_text('list_value') }} as list_value

    from unioned
    where {{ normalize_text('list_value') }} is not null

)

select * from final
