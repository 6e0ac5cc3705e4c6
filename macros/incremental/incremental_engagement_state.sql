{% macro incremental_engagement_state() %}
    {#-
        True when the engagement state (int_lead_engagement_dates_listed),
        int_lead_events_contested and int_event_ids_hashed are incremental models kept between
        runs: the var incremental_engagement_state, on DuckDB (daily runs are DuckDB's only).
        Elsewhere the first two are tables rebuilt every run, the third a view.
    -#}
    {{ return(var('incremental_engagement_state', false) and target.type == 'duckdb') }}
{% endmacro %}
