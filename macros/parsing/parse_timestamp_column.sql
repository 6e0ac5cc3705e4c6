{% macro parse_timestamp_column(relation, column_name) %}
    {#-
        The source column named `column_name` (as the source spells it) read as a timestamp:
        `parse_timestamp(clean_text(column))` on every engine for a text column (CSV files,
        every other engine). On DuckDB, a column already typed TIMESTAMP or DATE (a Parquet
        file) is taken as it is, without the round trip through text, and stays a plain
        column, so that a filter on a range of days reads only the Parquet row groups of
        those days (daily runs). The one value that differs from the text path: an infinite
        timestamp, which no text spells, is kept (dated after any as_of, or before any window).
    -#}
    {{ return(adapter.dispatch('parse_timestamp_column', 'lead_scoring')(relation, column_name)) }}
{% endmacro %}

{% macro default__parse_timestamp_column(relation, column_name) -%}
    {{ parse_timestamp(clean_text(quote_identifier(column_name))) }}
{%- endmacro %}

{% macro duckdb__parse_timestamp_column(relation, column_name) -%}
    {%- set found = namespace(data_type=none) -%}
    {#- a unit test's fixture stands for the source: no relation to look at, the text path -#}
    {%- if execute and relation.identifier is not none and relation.schema is not none -%}
        {%- set existing = adapter.get_relation(
            database=relation.database, schema=relation.schema, identifier=relation.identifier
        ) -%}
        {%- if existing is not none -%}
            {%- for source_column in adapter.get_columns_in_relation(existing) -%}
                {%- if source_column.name == column_name -%}
                    {%- set found.data_type = source_column.data_type | upper -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
    {%- if found.data_type in ('TIMESTAMP', 'TIMESTAMP WITHOUT TIME ZONE', 'DATE') -%}
        cast({{ quote_identifier(column_name) }} as timestamp)
    {%- else -%}
        {{ parse_timestamp(clean_text(quote_identifier(column_name))) }}
    {%- endif -%}
{%- endmacro %}
