{% macro raise_scorecard_problems(problems_relation) %}
    {#-
        The gate of the build (called by int_scorecards_validated): when `problems_relation`
        (int_scorecard_problems_listed) has any row, stop with every problem in one message, so
        that no mart is rebuilt and the last good scores stay as they were. Does nothing while
        parsing or before the relation exists.
    -#}
    {%- if execute and load_relation(problems_relation) is not none -%}
        {%- set query = 'select message from ' ~ problems_relation ~ ' order by seed_name desc, message' -%}
        {%- set problems = run_query(query).columns[0].values() -%}
        {%- if problems | length > 0 -%}
            {{ exceptions.raise_compiler_error(
                'The scorecard cannot be evaluated; no score was written. '
                ~ problems | length ~ ' problem(s):\n  - ' ~ problems | join('\n  - ')
            ) }}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
