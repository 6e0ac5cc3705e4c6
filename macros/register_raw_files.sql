{% macro register_raw_files() %}
    {#-
        on-run-start hook. Makes raw files readable as the `raw` source: for each of leads,
        lead_events and conversions it creates a view in the raw schema over
        `<raw_path>/<name>.parquet` or `<raw_path>/<name>.csv` (CSV is read as text; staging
        casts). `raw_path` defaults to the bundled demo data unless `raw_schema` is set, in
        which case the sources read that schema's tables as they are. `conversions` is
        optional: without a file it is an empty view. Engines other than DuckDB read tables
        only (load files with the project's loader), so the default does nothing.
    -#}
    {{ return(adapter.dispatch('register_raw_files', 'lead_scoring')()) }}
{% endmacro %}

{% macro default__register_raw_files() %}
    {{ return('') }}
{% endmacro %}

{% macro duckdb__register_raw_files() %}
    {%- set raw_path = var('raw_path', none) -%}
    {%- if not raw_path and not var('raw_schema', none) -%}
        {#- relative to the project: dbt runs in it unless --project-dir says where it is -#}
        {%- set raw_path = (flags.PROJECT_DIR or '.') ~ '/data/demo' -%}
    {%- endif -%}
    {%- if not raw_path or not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set raw_path = (raw_path | string).rstrip('/') -%}
    {%- set schema = var('raw_schema', none) or 'raw' -%}
    {%- set columns = {
        'leads': none,
        'lead_events': none,
        'conversions': 'cast(null as varchar) as lead_id, cast(null as varchar) as converted_at',
    } -%}
    {%- set statements = ['create schema if not exists ' ~ adapter.quote(schema)] -%}
    {%- for name, empty_columns in columns.items() -%}
        {%- set found = namespace(reader=none) -%}
        {%- for extension, read_call in [
            ('parquet', "read_parquet('{path}')"),
            ('csv', "read_csv('{path}', header = true, delim = ',', quote = '\"', all_varchar = true)"),
        ] -%}
            {%- set path = raw_path ~ '/' ~ name ~ '.' ~ extension -%}
            {%- if found.reader is none and run_query("select count(*) from glob('" ~ path ~ "')").columns[0].values()[0] > 0 -%}
                {%- set found.reader = read_call.replace('{path}', path) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if found.reader is none and empty_columns is none -%}
            {{ exceptions.raise_compiler_error(
                "raw_path '" ~ raw_path ~ "': found neither " ~ name ~ ".parquet nor " ~ name ~ ".csv"
            ) }}
        {%- endif -%}
        {%- set body = ('select * from ' ~ found.reader) if found.reader else ('select ' ~ empty_columns ~ ' where false') -%}
        {%- do statements.append('create or replace view ' ~ adapter.quote(schema) ~ '.' ~ name ~ ' as ' ~ body) -%}
    {%- endfor -%}
    {{ return(statements | join(';\n')) }}
{% endmacro %}
