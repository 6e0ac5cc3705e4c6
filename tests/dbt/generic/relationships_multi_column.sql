{% test relationships_multi_column(model, columns, to, to_columns=none) %}
    {#-
        A foreign key of several columns: every row of `model` whose `columns` are all non-null
        has a row in `to` with the same values in `to_columns` (default: the same names).
        Returns the orphan key values with their row counts. The built-in `relationships` test
        checks one column only; a breakdown row needs its lead AND scorecard in lead_scores.

        data_tests:
          - relationships_multi_column:
              arguments:
                columns: [lead_id, scorecard_id]
                to: ref('lead_scores')
    -#}
    {%- set to_columns = to_columns or columns -%}
    {%- if to_columns | length != columns | length -%}
        {{ exceptions.raise_compiler_error('relationships_multi_column: columns and to_columns differ in length') }}
    {%- endif %}

    with

    child as (

        select
            {%- for column in columns %}
            {{ column }} as key_{{ loop.index }},
            {%- endfor %}
            count(*) as row_count

        from {{ model }}
        where
            {%- for column in columns %}
            {{ 'and ' if not loop.first }}{{ column }} is not null
            {%- endfor %}
        group by
            {%- for column in columns %}
            {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}

    ),

    parent as (

        select distinct
            {%- for column in to_columns %}
            {{ column }} as key_{{ loop.index }}{{ ',' if not loop.last }}
            {%- endfor %}

        from {{ to }}

    )

    select child.*
    from child
    left join parent
        on
            {%- for column in columns %}
            {{ 'and ' if not loop.first }}child.key_{{ loop.index }} = parent.key_{{ loop.index }}
            {%- endfor %}
    where parent.key_1 is null
{% endtest %}
