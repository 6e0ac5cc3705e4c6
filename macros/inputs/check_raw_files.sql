{% macro check_raw_files(raw_path) %}
    {#-
        The raw files of `raw_path` (DuckDB), checked before any model reads them. Returns
        source name -> {path, reader} (reader: the read_csv / read_parquet call of the raw
        view), or none for a missing optional source (conversions). Stops the run, naming the
        folder or file, the column or line, and what to do, when:
        - the folder does not exist or is empty, or holds no file for a required source
          (leads, lead_events; names are matched case-insensitively: Leads.csv is leads.csv);
        - a file is empty (0 bytes), or a CSV file's header is one column with ';', a tab or
          '|' in it (a file delimited by something else than commas);
        - a required column is missing (names are matched trimmed and case-insensitively);
        - a CSV line cannot be read: more or fewer fields than the header, bytes that are not
          the encoding (var raw_encoding, default utf-8), a stray quote. Every line is read
          once here, with DuckDB's rejects table, and the first five bad lines are named by
          their line number in the file.
        The CSV dialect is fixed (comma, double quote, the first line is the header, no comment
        lines), never sniffed: a sniffer takes a ragged file's most regular line for its header.
    -#}
    {%- set sources = {
        'leads': ['lead_id', 'created_at'],
        'lead_events': ['event_id', 'lead_id', 'event_type', 'occurred_at'],
        'conversions': ['lead_id', 'converted_at'],
    } -%}
    {%- set optional_sources = ['conversions'] -%}
    {%- set folder = raw_path.rstrip('/') or '/' -%}
    {%- set label = "raw_path '" ~ folder ~ "'" -%}
    {%- set encoding = (var('raw_encoding', none) or 'utf-8') | lower -%}
    {%- set dialect = "header = true, skip = 0, delim = ',', quote = '\"', escape = '\"', comment = '', encoding = "
        ~ string_literal(encoding) -%}
    {%- set listed = run_query(
        'select file from glob(' ~ string_literal(duckdb_glob_escape(folder) ~ '/*') ~ ') order by file'
    ).columns[0].values() -%}
    {%- if listed | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            label ~ ' does not exist, is not a folder, or is empty: it must hold leads.csv and'
            ~ ' lead_events.csv (or .parquet), and may hold conversions.csv'
        ) }}
    {%- endif -%}
    {%- set by_name = {} -%}
    {%- for path in listed -%}
        {%- set key = path.split('/')[-1] | lower -%}
        {%- do by_name.update({key: by_name.get(key, []) + [path]}) -%}
    {%- endfor -%}
    {%- set files = {} -%}
    {%- for name, required in sources.items() -%}
        {%- set found = namespace(path=none, format=none) -%}
        {%- for format in ['parquet', 'csv'] -%}
            {%- set matches = by_name.get(name ~ '.' ~ format, []) -%}
            {%- if matches | length > 1 -%}
                {{ exceptions.raise_compiler_error(
                    label ~ ': ' ~ matches | map('replace', folder ~ '/', '') | join(' and ')
                    ~ ' differ only in case; keep one of them'
                ) }}
            {%- endif -%}
            {%- if matches and found.path is none -%}
                {%- set found.path = matches[0] -%}
                {%- set found.format = format -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if found.path is none and name in optional_sources -%}
            {%- do files.update({name: none}) -%}
        {%- elif found.path is none -%}
            {{ exceptions.raise_compiler_error(
                label ~ ': found neither ' ~ name ~ '.csv nor ' ~ name ~ '.parquet; the folder holds '
                ~ listed[:10] | map('replace', folder ~ '/', '') | join(', ')
                ~ (' ...' if listed | length > 10 else '')
            ) }}
        {%- else -%}
            {%- set literal = string_literal(duckdb_glob_escape(found.path)) -%}
            {%- set size = run_query('select size from read_blob(' ~ literal ~ ')').columns[0].values()[0] -%}
            {%- if size == 0 -%}
                {{ exceptions.raise_compiler_error(
                    found.path ~ ' is empty (0 bytes): it needs at least a header line with the columns '
                    ~ required | join(', ')
                ) }}
            {%- endif -%}
            {%- if found.format == 'csv' -%}
                {%- set names = run_query(
                    'describe select * from read_csv(' ~ literal ~ ', ' ~ dialect
                    ~ ', all_varchar = true, store_rejects = true)'
                ).columns[0].values() | list -%}
                {%- if names | length == 1 -%}
                    {%- for delimiter, delimiter_name in [(';', "';'"), ('\t', 'tabs'), ('|', "'|'")] -%}
                        {%- if delimiter in names[0] -%}
                            {{ exceptions.raise_compiler_error(
                                found.path ~ ": the header is one column ('" ~ names[0][:100]
                                ~ "'): the file looks delimited by " ~ delimiter_name
                                ~ ', not by commas; save it as comma-separated values'
                            ) }}
                        {%- endif -%}
                    {%- endfor -%}
                {%- endif -%}
            {%- else -%}
                {%- set names = run_query('describe select * from read_parquet(' ~ literal ~ ')').columns[0].values() | list -%}
            {%- endif -%}
            {%- set present = [] -%}
            {%- for column in names -%}
                {%- do present.append(column | trim | lower) -%}
            {%- endfor -%}
            {%- set missing = required | reject('in', present) | list -%}
            {%- if missing -%}
                {{ exceptions.raise_compiler_error(
                    found.path ~ ': no column ' ~ missing | join(', ') ~ ' (required: ' ~ required | join(', ')
                    ~ '); its columns are ' ~ (names | join(', '))[:500]
                ) }}
            {%- endif -%}
            {%- if found.format == 'csv' -%}
                {%- set column_types = [] -%}
                {%- for column in names -%}
                    {%- do column_types.append(string_literal(column) ~ ": 'VARCHAR'") -%}
                {%- endfor -%}
                {%- set reader = 'read_csv(' ~ literal ~ ', ' ~ dialect ~ ', auto_detect = false, columns = {'
                    ~ column_types | join(', ') ~ '}' -%}
                {%- do run_query('drop table if exists lead_scoring_rejected_lines') -%}
                {%- do run_query('drop table if exists lead_scoring_rejected_scans') -%}
                {%- do run_query(
                    'select count(columns(*)) from ' ~ reader ~ ', store_rejects = true,'
                    ~ " rejects_table = 'lead_scoring_rejected_lines', rejects_scan = 'lead_scoring_rejected_scans')"
                ) -%}
                {#- one row per bad line (DuckDB may record a line's errors apart) -#}
                {%- set rejected = run_query(
                    "select line, min(error_type), min(error_message), coalesce(min(csv_line), '')"
                    ~ ' from lead_scoring_rejected_lines group by line order by line'
                ) -%}
                {%- if rejected.rows | length > 0 -%}
                    {%- set hints = {
                        'TOO MANY COLUMNS': 'more fields than the header: a value with a comma in it must be in double quotes',
                        'MISSING COLUMNS': 'fewer fields than the header',
                        'INVALID ENCODING': 'not valid ' ~ encoding ~ ': save the file as UTF-8, or set the var raw_encoding (utf-8, utf-16 or latin-1)',
                        'UNQUOTED VALUE': 'a double quote inside a value must be doubled, and the value quoted',
                    } -%}
                    {%- set lines = [] -%}
                    {%- for row in rejected.rows[:5] -%}
                        {%- do lines.append(
                            'line ' ~ row[0] ~ ': ' ~ hints.get(row[1], 'cannot be read') ~ ' (' ~ row[2] ~ '): ' ~ row[3][:100]
                        ) -%}
                    {%- endfor -%}
                    {{ exceptions.raise_compiler_error(
                        found.path ~ ': ' ~ rejected.rows | length ~ ' line(s) cannot be read, so nothing was scored:\n  - '
                        ~ lines | join('\n  - ')
                        ~ ('\n  - ...' if rejected.rows | length > 5 else '')
                    ) }}
                {%- endif -%}
                {%- do run_query('drop table if exists lead_scoring_rejected_lines') -%}
                {%- do run_query('drop table if exists lead_scoring_rejected_scans') -%}
                {%- set reader = reader ~ ')' -%}
            {%- else -%}
                {%- set reader = 'read_parquet(' ~ literal ~ ')' -%}
            {%- endif -%}
            {%- do files.update({name: {'path': found.path, 'reader': reader}}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(files) }}
{% endmacro %}
