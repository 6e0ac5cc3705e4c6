{% macro engagement_state_relation() %}
    {#-
        The relation of the engagement state (int_lead_engagement_dates_listed), for
        int_lead_events_contested, which runs before it and reads its last ledger
        (engagement_recount_plan): the calling model's relation with the state's name (both
        are intermediate models, in one schema). Not ref(): the state depends on
        int_lead_events_contested, and a ref back would be a cycle. None where there is no
        `this` (a unit test).
    -#}
    {%- if this is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(this.incorporate(path={'identifier': 'int_lead_engagement_dates_listed'})) }}
{% endmacro %}
