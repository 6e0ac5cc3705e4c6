{% macro tier_names() -%}
    {#- The tiers of SCORING.md §4, best first: hot, warm, cold, dead. -#}
    {{ return(['hot', 'warm', 'cold', 'dead']) }}
{%- endmacro %}

{% macro tier_rank(expression) -%}
    {#- The rank of the tier `expression` among tier_names(): hot 1 .. dead 4. -#}
    case {{ expression }}
        {%- for tier in tier_names() %} when '{{ tier }}' then {{ loop.index }}{% endfor %}
    end
{%- endmacro %}
