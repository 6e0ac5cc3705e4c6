{% test unique_combination_of_columns(model, combination_of_columns) %}
    {#-
        The columns of `combination_of_columns` together are unique in `model`: a primary-key
        test for a grain of several columns (e.g. lead_id, scorecard_id). Returns one row per
        combination that appears more than once, with its count. Combinations with nulls are
        compared too (use not_null on each column to forbid them).

        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [lead_id, scorecard_id]
    -#}
    {%- set columns_csv = combination_of_columns | join(', ') %}

    select
        {{ columns_csv }},
        count(*) as row_count

    from {{ model }}
    group by {{ columns_csv }}
    having count(*) > 1
{% endtest %}
