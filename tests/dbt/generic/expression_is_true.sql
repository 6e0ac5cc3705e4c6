{% test expression_is_true(model, expression, column_name=none) %}
    {#-
        A boolean SQL `expression` holds on every row of `model`: returns the rows where it is
        false or null. Under a column, the expression is prefixed with the column name
        (`expression: ">= 0"` on column age_days tests `age_days >= 0`); on a model it is used
        as it is. Restrict the rows with the standard `where` config.

        data_tests:
          - expression_is_true:
              arguments:
                expression: "not is_sql or is_mql"
    -#}
    {%- set condition = (column_name ~ ' ' ~ expression) if column_name is not none else expression %}

    select *
    from {{ model }}
    where not coalesce(({{ condition }}), false)
{% endtest %}
