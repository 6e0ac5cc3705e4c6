{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
    {#-
        Every non-null value of `column_name` lies within [min_value, max_value] (or the open
        interval with inclusive: false); either bound may be left out. Returns the rows out of
        range. Nulls are not checked (use not_null for that).

        data_tests:
          - accepted_range:
              arguments:
                min_value: 0
                max_value: 100
    -#}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error('accepted_range: give min_value, max_value or both') }}
    {%- endif -%}
    {%- set low_operator = '>=' if inclusive else '>' -%}
    {%- set high_operator = '<=' if inclusive else '<' %}

    select *
    from {{ model }}
    where
        {{ column_name }} is not null
        and not (
            1 = 1
            {%- if min_value is not none %}
            and {{ column_name }} {{ low_operator }} {{ min_value }}
            {%- endif %}
            {%- if max_value is not none %}
            and {{ column_name }} {{ high_operator }} {{ max_value }}
            {%- endif %}
        )
{% endtest %}
