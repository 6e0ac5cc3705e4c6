{#- The matrix_segments reference seed: fit x engagement cell to priority segment. segment_action may be left out. -#}
{%- set seed = input_columns(ref('matrix_segments'), ['matrix_cell', 'segment', 'segment_action']) -%}

with

source as (

    select * from {{ ref('matrix_segments') }}

),

renamed as (

    select
        upper({{ clean_text(input_column(seed, 'matrix_cell')) }}) as matrix_cell,
        {{ normalize_text(input_column(seed, 'segment')) }} as segment,
        {{ clean_text(input_column(seed, 'segment_action')) }} as segment_action

    from source

),

final as (

    select * from renamed

)

select * from final
