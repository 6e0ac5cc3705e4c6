{% macro get_column_comment_sql(column_name, column_dict) -%}
    {#-
        Overrides dbt-spark's column clause of `create view` (persist_docs): the same, but a
        description longer than 256 characters is cut to 256 ("..." at the end). Spark's Hive
        metastore keeps at most 256 characters of a column comment; a longer one makes every
        `create view` wait about 20 seconds in metastore retries before it goes through.
        Only dbt-spark calls this macro.
    -#}
    {%- set description = column_dict[column_name]["description"] if column_name in column_dict else none -%}
    {{ quote_identifier(column_name) }}
    {%- if description %} comment '{{ description | truncate(256, true, "...", 0) | replace("\\", "\\\\") | replace("'", "\\'") }}'{% endif %}
{%- endmacro %}
