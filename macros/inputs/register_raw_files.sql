{% macro register_raw_files() %}
    {#-
        on-run-start hook. Makes raw files readable as the `raw` source: for each of leads,
        lead_events and conversions it creates a view in the raw schema over
        `<raw_path>/<name>.parquet` or `<raw_path>/<name>.csv` (CSV is read as text; staging
        casts). `raw_path` defaults to the bundled demo data unless `raw_schema` is set, in
        which case the sources read that schema's tables as they are, and does nothing when
        `crm_source` is set (the CRM adapter reads the connector's tables). `conversions` is
        optional: without a file it is an empty view. Engines other than DuckDB read tables
        only (load files with `lead-scoring load-raw`, which checks them the same way), so the
        default does nothing.

        Everything runs while the hook is rendered, so that a file that cannot be read stops
        the whole run before any model (a failing hook *statement* would not: dbt goes on and
        the models would read the previous run's views). See check_raw_files for the checks.
    -#}
    {{ return(adapter.dispatch('register_raw_files', 'lead_scoring')()) }}
{% endmacro %}

{% macro default__register_raw_files() %}
    {{ return('') }}
{% endmacro %}

{% macro duckdb__register_raw_files() %}
    {%- set raw_path = var('raw_path', none) -%}
    {#- a CRM's connector tables are read where they are (models/staging/<crm>/) -#}
    {%- if crm_source() is not none -%}
        {{ return('') }}
    {%- endif -%}
    {%- if raw_path is none or (raw_path | string | trim) == '' -%}
        {%- if var('raw_schema', none) -%}
            {{ return('') }}
        {%- endif -%}
        {#- relative to the project: dbt runs in it unless --project-dir says where it is -#}
        {%- set raw_path = (flags.PROJECT_DIR or '.') ~ '/data/demo' -%}
    {%- endif -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set files = check_raw_files(raw_path | string) -%}
    {%- set schema = quote_identifier(var('raw_schema', none) or 'raw') -%}
    {%- do run_query('create schema if not exists ' ~ schema) -%}
    {%- for name, file in files.items() -%}
        {%- if file is none -%}
            {%- set body = 'select cast(null as varchar) as lead_id, cast(null as varchar) as converted_at where false' -%}
        {%- else -%}
            {%- set body = 'select * from ' ~ file.reader -%}
        {%- endif -%}
        {%- do run_query('create or replace view ' ~ schema ~ '.' ~ quote_identifier(name) ~ ' as ' ~ body) -%}
    {%- endfor -%}
    {{ return('') }}
{% endmacro %}
