{% macro normalize_text(expression) -%}
    {#-
        A text value in its comparison form: trimmed, lower-cased, null when empty or blank.
        Used for codes (event types, operators) and for every text comparison of the rules.
    -#}
    lower({{ clean_text(expression) }})
{%- endmacro %}
