{% macro create_raw_tables(schema, tables) %}
    {#-
        Operation used by `lead-scoring load-raw --target spark`: (re)creates the raw tables of
        `schema` as external tables over files, every column as text. `tables` maps a table
        name to {path, format} (csv or parquet), or to {columns} for an empty table of text
        columns (a missing optional source).
    -#}
    {% do run_query('create schema if not exists ' ~ schema) %}
    {% for name, spec in tables.items() %}
        {% do run_query('drop table if exists ' ~ schema ~ '.' ~ name) %}
        {% if spec.get('path') %}
            {% set options = "header 'true', multiLine 'true', escape '\"'" if spec['format'] == 'csv' else '' %}
            {% do run_query(
                'create table ' ~ schema ~ '.' ~ name ~ ' using ' ~ spec['format']
                ~ " options (path '" ~ spec['path'] ~ "'" ~ (', ' ~ options if options else '') ~ ')'
            ) %}
        {% else %}
            {% set columns = [] %}
            {% for column in spec['columns'] %}{% do columns.append(column ~ ' string') %}{% endfor %}
            {% do run_query('create table ' ~ schema ~ '.' ~ name ~ ' (' ~ columns | join(', ') ~ ') using parquet') %}
        {% endif %}
        {{ log('raw table ' ~ schema ~ '.' ~ name ~ ' ready', info=true) }}
    {% endfor %}
{% endmacro %}
