{#-
    One row per lead_id with a usable conversion (a lead_id and a converted_at timestamp): the
    day of its earliest conversion, the date of converted_at. Whether the lead is scored is the
    reader's join; lead_funnel keeps the conversions on or before as_of, the evaluation those
    of each cut-off's horizon.
-#}
with

conversions as (

    select * from {{ ref('stg_conversions') }}

),

final as (

    select
        lead_id,
        min(cast(converted_at as date)) as converted_on

    from conversions
    where lead_id is not null and converted_at is not null
    group by lead_id

)

select * from final
