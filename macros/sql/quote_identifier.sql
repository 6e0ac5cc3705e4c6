{% macro quote_identifier(name) %}
    {#-
        A column or schema name as a quoted SQL identifier, whatever text it holds: the name of
        a CRM export's column ('Lead Source', 'país', '1st', even one with a quote in it) is
        data, and reaches SQL only through here. adapter.quote() does not escape an embedded
        quote character; this doubles it ("a""b" on DuckDB and PostgreSQL, `a``b` on Spark).
    -#}
    {{ return(adapter.dispatch('quote_identifier', 'lead_scoring')(name | string)) }}
{% endmacro %}

{% macro default__quote_identifier(name) %}
    {{ return('"' ~ name.replace('"', '""') ~ '"') }}
{% endmacro %}

{% macro spark__quote_identifier(name) %}
    {{ return('`' ~ name.replace('`', '``') ~ '`') }}
{% endmacro %}
