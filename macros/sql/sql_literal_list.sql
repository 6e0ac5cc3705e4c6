{% macro sql_literal_list(values) -%}
    {#- A parenthesised list of text literals for `in (...)`: ['a', 'b'] -> ('a', 'b'). -#}
    ({% for value in values %}{{ string_literal(value) }}{% if not loop.last %}, {% endif %}{% endfor %})
{%- endmacro %}
