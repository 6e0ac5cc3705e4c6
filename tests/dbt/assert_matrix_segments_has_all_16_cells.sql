{#-
    The matrix_segments seed maps every cell of the fit x engagement matrix, A1..D4 (all 16),
    to a segment: otherwise a lead landing in a missing cell would get no segment. Returns the
    missing cells.
-#}
with

grades as (

    select 'A' as fit_grade
    union all select 'B'
    union all select 'C'
    union all select 'D'

),

levels as (

    select '1' as engagement_level
    union all select '2'
    union all select '3'
    union all select '4'

),

cells as (

    select grades.fit_grade || levels.engagement_level as matrix_cell
    from grades
    cross join levels

),

segments as (

    select * from {{ ref('stg_matrix_segments') }}
    where segment is not null

),

final as (

    select cells.matrix_cell
    from cells
    left join segments
        on cells.matrix_cell = segments.matrix_cell
    where segments.matrix_cell is null

)

select * from final
