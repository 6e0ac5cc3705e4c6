{% macro sql_literal_list(values) -%}
    {#- A parenthesised list of text literals for `in (...)`: ['a', 'b'] -> ('a', 'b'). -#}
    ({% for value in values %}'{{ value | replace("'", "''") }}'{% if not loop.last %}, {% endif %}{% endfor %})
{%- endmacro %}
