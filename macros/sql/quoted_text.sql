{% macro quoted_text(expression) -%}
    {#-
        A text expression in single quotes for messages: abc -> 'abc' (null -> ''). chr(39) and
        not '''': Spark reads '''' as two adjacent empty literals.
    -#}
    chr(39) || coalesce({{ expression }}, '') || chr(39)
{%- endmacro %}
