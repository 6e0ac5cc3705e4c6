{% macro string_literal(text) %}
    {#-
        A text as a SQL string literal, whatever it holds: 'it''s' on DuckDB and PostgreSQL
        (standard strings: a backslash is itself), 'it\'s' on Spark, whose literals read
        backslash escapes. Every value from a file, a seed or a var that is written into SQL
        (a column name, a path, a lead_id) goes through here.
    -#}
    {{ return(adapter.dispatch('string_literal', 'lead_scoring')(text | string)) }}
{% endmacro %}

{% macro default__string_literal(text) %}
    {{ return("'" ~ text.replace("'", "''") ~ "'") }}
{% endmacro %}

{% macro spark__string_literal(text) %}
    {{ return("'" ~ text.replace('\\', '\\\\').replace("'", "\\'") ~ "'") }}
{% endmacro %}
