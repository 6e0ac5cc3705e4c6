{% macro history_days() %}
    {#-
        The var history_days as a whole number (default 365): how many days up to as_of
        lead_score_history covers (a lead created later: from its creation day). 0 turns the
        history off: its models are empty. check_vars refuses anything but a whole number >= 0.
    -#}
    {{ return(var('history_days', 365) | int) }}
{% endmacro %}
