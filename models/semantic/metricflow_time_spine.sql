{#-
    The time spine of the semantic layer (MetricFlow): one row per day from 2000-01-01 to
    2049-12-31, the days a metric may be grouped by (metric_time__day / week / month).
-#}
with

days as (

    {{ dbt.date_spine(
        datepart='day',
        start_date="cast('2000-01-01' as date)",
        end_date="cast('2050-01-01' as date)",
    ) }}

),

final as (

    select cast(date_day as date) as date_day
    from days

)

select * from final
