{#-
    The scorecard_rules seed, typed and normalised: codes lower-cased, numbers read, the
    engagement operator defaulted to `each`, `between` bounds split, an empty rule_group made
    the rule's own group. Nothing is filtered: inactive rules stay (is_active = false).
    Columns are found by their trimmed, lower-cased names; a column the seed leaves out is null
    (SCORING.md §2: it means what its empty value means; a required one missing is reported by
    the scorecard validation).
-#}
{%- set seed = input_columns(ref('scorecard_rules'), [
    'scorecard_id', 'rule_id', 'dimension', 'attribute', 'operator', 'value', 'event_type',
    'event_filter', 'points', 'rule_group', 'max_count', 'window_days', 'half_life_days',
    'is_active', 'description',
]) -%}
{%- set column = {} -%}
{%- for name in seed.found -%}
{%- do column.update({name: input_column(seed, name)}) -%}
{%- endfor %}
with

source as (

    select * from {{ ref('scorecard_rules') }}

),

renamed as (

    select
        {{ clean_text(column['scorecard_id']) }} as scorecard_id,
        {{ clean_text(column['rule_id']) }} as rule_id,
        {{ normalize_text(column['dimension']) }} as dimension,
        {{ normalize_text(column['attribute']) }} as attribute,
        coalesce(
            {{ normalize_text(column['operator']) }},
            case when {{ normalize_text(column['dimension']) }} = 'engagement' then 'each' end
        ) as operator,
        {{ clean_text(column['value']) }} as value,
        {{ parse_number(clean_text(column['value'])) }} as value_number,
        {{ parse_number(clean_text(dbt.split_part(column['value'], "'|'", 1))) }} as value_low_number,
        {{ parse_number(clean_text(dbt.split_part(column['value'], "'|'", 2))) }} as value_high_number,
        {{ normalize_text(column['event_type']) }} as event_type,
        {{ normalize_text(column['event_filter']) }} as event_filter,
        {{ clean_text(column['points']) }} as points_text,
        {{ parse_number(clean_text(column['points'])) }} as points,
        coalesce({{ clean_text(column['rule_group']) }}, {{ clean_text(column['rule_id']) }}) as rule_group,
        {{ clean_text(column['max_count']) }} as max_count_text,
        {{ parse_integer(clean_text(column['max_count'])) }} as max_count,
        {{ clean_text(column['window_days']) }} as window_days_text,
        {{ parse_integer(clean_text(column['window_days'])) }} as window_days,
        {{ clean_text(column['half_life_days']) }} as half_life_days_text,
        {{ parse_number(clean_text(column['half_life_days'])) }} as half_life_days,
        {{ clean_text(column['is_active']) }} as is_active_text,
        coalesce(
            {{ parse_boolean(column['is_active']) }},
            case when {{ clean_text(column['is_active']) }} is null then true end
        ) as is_active,
        coalesce({{ clean_text(column['description']) }}, {{ clean_text(column['rule_id']) }}) as description

    from source

),

final as (

    select * from renamed

)

select * from final
