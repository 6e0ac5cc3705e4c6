{% macro incremental_engagement_state() %}
    {#-
        True when the engagement state (int_lead_engagement_dates_listed) and
        int_lead_events_contested are incremental models kept between runs: the var
        incremental_engagement_state, on DuckDB (daily runs are DuckDB's only). Elsewhere they
        are tables rebuilt every run.
    -#}
    {{ return(var('incremental_engagement_state', false) and target.type == 'duckdb') }}
{% endmacro %}
