{% macro parse_timestamp_column(relation, column) %}
    {#-
        A source column read as a timestamp: the same value as
        `parse_timestamp(clean_text(column))` on every engine and for every input. On DuckDB,
        when the column is already typed TIMESTAMP or DATE (a Parquet file), the round trip
        through text is skipped: such a value prints as `YYYY-MM-DD[ HH:MM:SS[.ffffff]]`
        exactly when it lies between years 1 and 9999 (infinities and BC dates do not match
        the grammar), so it is kept as it is within that range and null outside it. Text
        columns (CSV files, every other engine) take parse_timestamp's path.
    -#}
    {{ return(adapter.dispatch('parse_timestamp_column', 'lead_scoring')(relation, column)) }}
{% endmacro %}

{% macro default__parse_timestamp_column(relation, column) -%}
    {{ parse_timestamp(clean_text(column)) }}
{%- endmacro %}

{% macro duckdb__parse_timestamp_column(relation, column) -%}
    {%- set found = namespace(data_type=none) -%}
    {#- a unit test's fixture stands for the source: no relation to look at, the text path -#}
    {%- if execute and relation.identifier is not none and relation.schema is not none -%}
        {%- set existing = adapter.get_relation(
            database=relation.database, schema=relation.schema, identifier=relation.identifier
        ) -%}
        {%- if existing is not none -%}
            {%- for source_column in adapter.get_columns_in_relation(existing) -%}
                {%- if source_column.name | lower == column | lower -%}
                    {%- set found.data_type = source_column.data_type | upper -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
    {%- if found.data_type in ('TIMESTAMP', 'TIMESTAMP WITHOUT TIME ZONE', 'DATE') -%}
        case
            when {{ adapter.quote(column) }} between cast('0001-01-01' as timestamp)
                and cast('9999-12-31 23:59:59.999999' as timestamp)
                then cast({{ adapter.quote(column) }} as timestamp)
        end
    {%- else -%}
        {{ parse_timestamp(clean_text(column)) }}
    {%- endif -%}
{%- endmacro %}
