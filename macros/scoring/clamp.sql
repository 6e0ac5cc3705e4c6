{% macro clamp(expression, low, high) -%}
    {#- The value bounded to [low, high]; portable (no greatest/least null quirks). -#}
    case
        when {{ expression }} < {{ low }} then {{ low }}
        when {{ expression }} > {{ high }} then {{ high }}
        else {{ expression }}
    end
{%- endmacro %}
