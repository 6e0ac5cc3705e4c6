{% macro row_hash(expressions) -%}
    {#-
        A hash (md5) of a row's content: the text of each of `expressions` (SQL expressions,
        e.g. cleaned columns), joined by '|', nulls as empty. Two rows with the same hash are
        copies of each other; it also orders rows that tie on every meaningful key, so that
        "which row wins" never depends on file order.
    -#}
    {%- set parts = [] -%}
    {%- for expression in expressions -%}
        {%- if not loop.first -%}{%- do parts.append("'|'") -%}{%- endif -%}
        {%- do parts.append("coalesce(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "), '')") -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}
