{% macro evaluation_horizon_days() %}
    {#-
        The var evaluation_horizon_days as a whole number (default 90): a lead of a cut-off's
        population converts when it has a conversion in the horizon's days after the cut-off
        (SCORING.md §6). check_vars refuses anything but a whole number >= 1.
    -#}
    {{ return(var('evaluation_horizon_days', 90) | int) }}
{% endmacro %}
