{#-
    The country_regions reference seed: ISO 3166-1 alpha-2 code, English name and other
    spellings (`aliases`, a|b|c) of a country, and its sales region. Codes are upper-cased;
    name, aliases and region trimmed. country_name and aliases may be left out.
-#}
{%- set seed = input_columns(ref('country_regions'), ['country_code', 'country_name', 'aliases', 'region']) -%}

with

source as (

    select * from {{ ref('country_regions') }}

),

renamed as (

    select
        upper({{ clean_text(input_column(seed, 'country_code')) }}) as country_code,
        {{ clean_text(input_column(seed, 'country_name')) }} as country_name,
        {{ clean_text(input_column(seed, 'aliases')) }} as aliases,
        {{ clean_text(input_column(seed, 'region')) }} as region

    from source

),

final as (

    select * from renamed

)

select * from final
