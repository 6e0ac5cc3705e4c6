{% macro history_estimate(classes, days_in, shift=0) -%}
    {#-
        The estimate of a segment day's engagement points (int_lead_history_days_scored):
        exact_points plus, for each summed half-life class, class_<n>_sum x 2 ^ -((days_in -
        shift) / half-life), `days_in` the day's days since the history's first day (`shift`
        1: the day before).
    -#}
    exact_points
    {%- for class in classes %}
    + class_{{ class.number }}_sum * power(
        2, -(cast({{ days_in }} as {{ type_double() }}) - {{ shift }}) / {{ class.half_life }}
    )
    {%- endfor %}
{%- endmacro %}
