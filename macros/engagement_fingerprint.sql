{% macro engagement_fingerprint() %}
    {#-
        A query of one row and one column, scorecard_fingerprint: a hash of what the engagement
        state (int_lead_engagement_days_counted) counts, i.e. every active engagement rule's
        id, event type, filter and window and every active scorecard's SQL trigger types and
        window. The state stores it; a daily run that finds another one rebuilds the state.
    -#}
    with

    rules as (

        select * from {{ ref('int_scorecard_rules_filtered') }}
        where dimension = 'engagement'

    ),

    trigger_types as (

        select * from {{ ref('int_scorecard_trigger_types_unnested') }}

    ),

    parts as (

        select
            'rule:' || rule_id || '|' || event_type || '|' || coalesce(event_filter, '') || '|'
            || coalesce(cast(window_days as {{ dbt.type_string() }}), '') as part
        from rules

        union

        select
            'trigger:' || scorecard_id || '|' || event_type || '||'
            || coalesce(cast(sql_trigger_window_days as {{ dbt.type_string() }}), '') as part
        from trigger_types

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
