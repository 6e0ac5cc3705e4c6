{% macro quoted_text(expression) -%}
    {#- A text expression in single quotes for messages: abc -> 'abc' (null -> ''). -#}
    '''' || coalesce({{ expression }}, '') || ''''
{%- endmacro %}
