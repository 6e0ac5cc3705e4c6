{#- The matrix_segments reference seed: fit x engagement cell to priority segment. -#}
with

source as (

    select * from {{ ref('matrix_segments') }}

),

renamed as (

    select
        upper({{ clean_text('matrix_cell') }}) as matrix_cell,
        {{ normalize_text('segment') }} as segment,
        {{ clean_text('segment_action') }} as segment_action

    from source

),

final as (

    select * from renamed

)

select * from final
