{% macro engagement_fingerprint() %}
    {#-
        A query of one row and one column, scorecard_fingerprint: a hash of what the engagement
        state (int_lead_engagement_dates_listed) counts and keeps, i.e. every engagement key's
        (int_engagement_keys_unioned) event type, filter, window and keep_count. The state
        stores it; a daily run that finds another one rebuilds the state.
    -#}
    with

    engagement_keys as (

        select * from {{ ref('int_engagement_keys_unioned') }}

    ),

    parts as (

        select
            rule_key || '|' || event_type || '|' || coalesce(event_filter, '') || '|'
            || coalesce(cast(window_days as {{ dbt.type_string() }}), '') || '|'
            || coalesce(cast(keep_count as {{ dbt.type_string() }}), '') as part
        from engagement_keys

    ),

    ranked as (

        select
            part,
            row_number() over (order by part) as part_rank
        from parts

    )

    select {{ dbt.hash("coalesce(" ~ string_agg_ordered('part', 'part_rank', "';'") ~ ", '')") }}
        as scorecard_fingerprint
    from ranked
{% endmacro %}
