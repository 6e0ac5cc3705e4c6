{#-
    Conversion by band (SCORING.md §6): one row per active scorecard, evaluated cut-off (and
    pooled: is_pooled true, cutoff_on null, as in scorecard_evaluation), band type (tier,
    segment, matrix_cell, fit_grade, engagement_level, score_decile) and band that holds
    leads. band_rank orders the bands of a type from the best down: by the average total_score
    of their leads, highest first (ties by band), so that the cumulative shares draw a gains
    chart. A lead without a segment is in band '(none)'. Figures are ratios of whole counts.
-#}
with

scoped as (

    select * from {{ ref('int_evaluation_leads_scoped') }}

),

banded as (

    {%- for band_type, band in [
        ('tier', 'tier'),
        ('segment', "coalesce(segment, '(none)')"),
        ('matrix_cell', 'matrix_cell'),
        ('fit_grade', 'fit_grade'),
        ('engagement_level', 'cast(engagement_level as ' ~ dbt.type_string() ~ ')'),
        ('score_decile', 'cast(score_decile as ' ~ dbt.type_string() ~ ')'),
    ] %}
    {%- if not loop.first %}

    union all
    {%- endif %}

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        '{{ band_type }}' as band_type,
        {{ band }} as band,
        total_score,
        has_converted
    from scoped
    {%- endfor %}

),

bands as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        band_type,
        band,
        count(*) as leads,
        sum(case when has_converted then 1 else 0 end) as conversions,
        sum(total_score) as total_score_sum

    from banded
    group by scorecard_id, is_pooled, cutoff_on, band_type, band

),

ranked as (

    select
        *,
        row_number() over (
            partition by scorecard_id, is_pooled, cutoff_on, band_type
            order by {{ ratio('total_score_sum', 'leads') }} desc, band
        ) as band_rank,
        sum(leads) over (partition by scorecard_id, is_pooled, cutoff_on, band_type)
            as population_leads,
        sum(conversions) over (partition by scorecard_id, is_pooled, cutoff_on, band_type)
            as population_conversions

    from bands

),

cumulated as (

    select
        *,
        sum(leads) over (
            partition by scorecard_id, is_pooled, cutoff_on, band_type
            order by band_rank
            rows between unbounded preceding and current row
        ) as cumulative_leads,
        sum(conversions) over (
            partition by scorecard_id, is_pooled, cutoff_on, band_type
            order by band_rank
            rows between unbounded preceding and current row
        ) as cumulative_conversions

    from ranked

),

final as (

    select
        scorecard_id,
        is_pooled,
        cutoff_on,
        band_type,
        band,
        cast(band_rank as integer) as band_rank,
        cast(leads as bigint) as leads,
        cast(conversions as bigint) as conversions,
        {{ ratio('conversions', 'leads') }} as conversion_rate,
        {{ ratio('conversions * population_leads', 'leads * population_conversions') }} as lift,
        {{ ratio('leads', 'population_leads') }} as lead_share,
        {{ ratio('conversions', 'population_conversions') }} as conversion_share,
        {{ ratio('cumulative_leads', 'population_leads') }} as cumulative_lead_share,
        {{ ratio('cumulative_conversions', 'population_conversions') }}
            as cumulative_conversion_share

    from cumulated

)

select * from final
