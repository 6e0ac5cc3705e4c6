{% macro default__create_csv_table(model, agate_table) %}
    {#-
        dbt's seed loader writes a seed's header into `create table` quoted but not escaped:
        a header with a quote character would be SQL. The project's seeds are edited by hand,
        so such a header is refused with a message naming the seed and the column (checked
        here, before dbt's own macro runs; found first through the project's dispatch config).
    -#}
    {%- do check_seed_header(model, agate_table) -%}
    {{ return(dbt.default__create_csv_table(model, agate_table)) }}
{% endmacro %}

{% macro spark__create_csv_table(model, agate_table) %}
    {#- Spark's version of default__create_csv_table: the header checked, then dbt-spark's macro. -#}
    {%- do check_seed_header(model, agate_table) -%}
    {{ return(dbt.spark__create_csv_table(model, agate_table)) }}
{% endmacro %}

{% macro check_seed_header(model, agate_table) %}
    {#- Stops the seed when a column of its header has a quote or control character. -#}
    {%- for name in agate_table.column_names -%}
        {%- if modules.re.search('["`\\x00-\\x1f]', name | string) -%}
            {{ exceptions.raise_compiler_error(
                'seed ' ~ model.original_file_path ~ ': the column ' ~ (name | string | tojson)
                ~ ' has a quote or control character in its name; rename it'
            ) }}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
