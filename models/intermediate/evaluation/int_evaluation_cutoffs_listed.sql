{#-
    One row per cut-off day of the evaluation (evaluation_cutoffs: the var's, or every 30 days
    back from as_of - evaluation_horizon_days inside the history), with the last day of its
    horizon and whether it is evaluated: a cut-off outside the history (before its first day,
    or after as_of) has no scores to judge, one whose horizon ends after as_of no full outcome
    yet (SCORING.md §6). Only the evaluated ones reach the evaluation marts.
-#}
with

cutoffs as (

    select cast(null as date) as cutoff_on
    where false
    {%- for cutoff in evaluation_cutoffs() %}

    union all

    select cast({{ string_literal(cutoff) }} as date) as cutoff_on
    {%- endfor %}

),

horizons as (

    select
        cutoff_on,
        cast({{ dbt.dateadd('day', evaluation_horizon_days(), 'cutoff_on') }} as date) as horizon_ends_on

    from cutoffs

),

final as (

    select
        cutoff_on,
        horizon_ends_on,
        case
            when cutoff_on < {{ history_first_date() }} or cutoff_on > {{ as_of_date() }}
                then 'outside_history'
            when horizon_ends_on > {{ as_of_date() }} then 'horizon_not_complete'
            else 'evaluated'
        end as evaluation_status

    from horizons

)

select * from final
