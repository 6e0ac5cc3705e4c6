{#-
    The scorecard_rules seed, typed and normalised: codes lower-cased, numbers read, the
    engagement operator defaulted to `each`, `between` bounds split, an empty rule_group made
    the rule's own group. Nothing is filtered: inactive rules stay (is_active = false).
-#}
with

source as (

    select * from {{ ref('scorecard_rules') }}

),

renamed as (

    select
        {{ clean_text('scorecard_id') }} as scorecard_id,
        {{ clean_text('rule_id') }} as rule_id,
        {{ normalize_text('dimension') }} as dimension,
        {{ normalize_text('attribute') }} as attribute,
        coalesce(
            {{ normalize_text('operator') }},
            case when {{ normalize_text('dimension') }} = 'engagement' then 'each' end
        ) as operator,
        {{ clean_text('value') }} as value,
        {{ parse_number(clean_text('value')) }} as value_number,
        {{ parse_number(clean_text(dbt.split_part('value', "'|'", 1))) }} as value_low_number,
        {{ parse_number(clean_text(dbt.split_part('value', "'|'", 2))) }} as value_high_number,
        {{ normalize_text('event_type') }} as event_type,
        {{ normalize_text('event_filter') }} as event_filter,
        {{ clean_text('points') }} as points_text,
        {{ parse_number(clean_text('points')) }} as points,
        coalesce({{ clean_text('rule_group') }}, {{ clean_text('rule_id') }}) as rule_group,
        {{ clean_text('max_count') }} as max_count_text,
        {{ parse_integer(clean_text('max_count')) }} as max_count,
        {{ clean_text('window_days') }} as window_days_text,
        {{ parse_integer(clean_text('window_days')) }} as window_days,
        {{ clean_text('half_life_days') }} as half_life_days_text,
        {{ parse_number(clean_text('half_life_days')) }} as half_life_days,
        {{ clean_text('is_active') }} as is_active_text,
        coalesce(
            {{ parse_boolean('is_active') }},
            case when {{ clean_text('is_active') }} is null then true end
        ) as is_active,
        coalesce({{ clean_text('description') }}, {{ clean_text('rule_id') }}) as description

    from source

),

final as (

    select * from renamed

)

select * from final
