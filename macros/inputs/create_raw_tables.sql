{% macro create_raw_tables(schema, tables) %}
    {#-
        Operation used by `lead-scoring load-raw --target spark`: (re)creates the raw tables of
        `schema` as external tables over folders of Parquet files (the rows of the raw files,
        read and checked by load-raw, every column as text). `tables` maps a table name to
        {path}, or to {columns} for an empty table of text columns (a missing optional
        source). Names and paths are quoted safely (quote_identifier, string_literal).
    -#}
    {%- set schema_name = quote_identifier(schema) -%}
    {% do run_query('create schema if not exists ' ~ schema_name) %}
    {% for name, spec in tables.items() %}
        {%- set table = schema_name ~ '.' ~ quote_identifier(name) -%}
        {% do run_query('drop table if exists ' ~ table) %}
        {% if spec.get('path') %}
            {% do run_query('create table ' ~ table ~ ' using parquet options (path ' ~ string_literal(spec['path']) ~ ')') %}
        {% else %}
            {% set columns = [] %}
            {% for column in spec['columns'] %}{% do columns.append(quote_identifier(column) ~ ' string') %}{% endfor %}
            {% do run_query('create table ' ~ table ~ ' (' ~ columns | join(', ') ~ ') using parquet') %}
        {% endif %}
        {{ log('raw table ' ~ schema ~ '.' ~ name ~ ' ready', info=true) }}
    {% endfor %}
{% endmacro %}
