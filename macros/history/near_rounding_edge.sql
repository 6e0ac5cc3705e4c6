{% macro near_rounding_edge(expression, margin) -%}
    {#-
        True when `expression` (points, a double estimate) is within `margin` of a value where
        rounding half away from zero changes (x.5 or -x.5).
    -#}
    abs(abs({{ expression }}) - floor(abs({{ expression }})) - 0.5) < {{ margin }}
{%- endmacro %}
