{% macro duckdb_glob_escape(path) %}
    {#-
        A path that DuckDB's file readers (read_csv, read_parquet, read_blob, glob), which read
        every file name as a glob, match as that one path: [, * and ? become [[], [*] and [?].
        raw_path '/data/g[1]' is the folder g[1], never g1. Quote the result with
        string_literal.
    -#}
    {{ return((path | string).replace('[', '[[]').replace('*', '[*]').replace('?', '[?]')) }}
{% endmacro %}
