{% macro source_columns(relation, columns, required) %}
    {#-
        `input_columns` of a source table (leads, lead_events, conversions), which must have
        its `required` columns: without one, the model stops with a message that names the
        table, the missing columns and the columns it has. (Raw files on DuckDB are checked
        earlier, with the file's name, by register_raw_files.)
    -#}
    {%- set inputs = input_columns(relation, columns, required) -%}
    {%- if inputs.missing -%}
        {%- set present = relation_column_names(relation) or [] -%}
        {{ exceptions.raise_compiler_error(
            'source table ' ~ relation ~ ' has no column ' ~ inputs.missing | join(', ')
            ~ ' (required: ' ~ required | join(', ') ~ '); its columns are: '
            ~ (present | join(', ') or 'none')
        ) }}
    {%- endif -%}
    {{ return(inputs) }}
{% endmacro %}
