{% macro spark__split_part(string_text, delimiter_text, part_number) %}
    {#-
        Overrides dbt-spark's split_part (found first through the project's dispatch config):
        that one indexes the split array, which fails under ANSI mode when the part does not
        exist. Spark's own split_part returns '' there, like the other engines.
    -#}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{% endmacro %}
