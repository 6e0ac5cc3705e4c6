{#-
    lead_score_history: the periods of a lead and scorecard follow each other without gap or
    overlap (a period ends on the day the next one starts), only the last one is open (valid_to
    null), and two consecutive periods differ in at least one output. Returns the offending
    periods.
-#}
{%- set outputs = [
    'fit_score', 'engagement_score', 'total_score', 'fit_grade', 'engagement_level',
    'matrix_cell', 'segment', 'tier', 'is_excluded', 'exclusion_reason', 'is_mql', 'is_sql',
] -%}
with

periods as (

    select
        *,
        {%- for column in outputs %}
        lead({{ column }}) over (partition by lead_id, scorecard_id order by valid_from)
            is not distinct from {{ column }} as is_same_{{ column }},
        {%- endfor %}
        lead(valid_from) over (partition by lead_id, scorecard_id order by valid_from) as next_valid_from

    from {{ ref('lead_score_history') }}

)

select * from periods
where
    (next_valid_from is null and valid_to is not null)
    or (next_valid_from is not null and (valid_to is null or valid_to <> next_valid_from))
    or (next_valid_from is not null {% for column in outputs %}and is_same_{{ column }} {% endfor %})
