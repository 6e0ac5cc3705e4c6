{% macro ratio(numerator, denominator) -%}
    {#-
        numerator / denominator as a 64-bit float, null when the denominator is 0. The
        evaluation writes every figure as one such ratio of whole counts, so that each engine
        computes the same double to the last bit (one correctly rounded division).
    -#}
    case
        when {{ denominator }} = 0 then null
        else cast({{ numerator }} as {{ type_double() }}) / cast({{ denominator }} as {{ type_double() }})
    end
{%- endmacro %}
