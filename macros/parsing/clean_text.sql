{% macro clean_text(expression) -%}
    {#-
        A text value as the contract compares it: cast to text, trimmed, and null when empty or
        all blank. Case is kept (for display); comparisons lower-case with `normalize_text`.
    -#}
    nullif(trim(cast({{ expression }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
