{% macro row_hash(columns) -%}
    {#-
        A hash of a row's text (columns joined by '|', nulls as empty), to order rows that tie
        on every meaningful key, so that "which row wins" never depends on file order.
    -#}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- if not loop.first -%}{%- do parts.append("'|'") -%}{%- endif -%}
        {%- do parts.append("coalesce(cast(" ~ adapter.quote(column) ~ " as " ~ dbt.type_string() ~ "), '')") -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}
