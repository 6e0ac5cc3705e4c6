{% macro points_type() -%}
    {#-
        The type of every points value: a decimal with 6 places. Per-rule points are quantised
        to it once, so the breakdown adds up exactly (decimal sums do not depend on row order)
        and every engine gives the same digits.
    -#}
    decimal(18, 6)
{%- endmacro %}
