{% macro top_texts_agg(text_expression, weight_expression, tie_breaker_expression, limit, delimiter, condition) %}
    {#-
        Aggregate: of the rows of the group where `condition` holds, the `limit` texts with the
        largest `weight_expression` (ties: the smallest `tie_breaker_expression`, an integer),
        in that order, joined by `delimiter`; null when there is none. e.g. the top reasons of
        a lead's score.
    -#}
    {{ return(adapter.dispatch('top_texts_agg', 'lead_scoring')(
        text_expression, weight_expression, tie_breaker_expression, limit, delimiter, condition
    )) }}
{% endmacro %}

{% macro default__top_texts_agg(text_expression, weight_expression, tie_breaker_expression, limit, delimiter, condition) -%}
    array_to_string(
        (
            array_agg({{ text_expression }} order by {{ weight_expression }} desc, {{ tie_breaker_expression }} asc)
                filter (where {{ condition }})
        )[1:{{ limit }}],
        {{ delimiter }}
    )
{%- endmacro %}

{% macro duckdb__top_texts_agg(text_expression, weight_expression, tie_breaker_expression, limit, delimiter, condition) -%}
    {#- max_by(x, key, n): the n largest, without sorting the group -#}
    array_to_string(
        max_by({{ text_expression }}, ({{ weight_expression }}, - {{ tie_breaker_expression }}), {{ limit }})
            filter (where {{ condition }}),
        {{ delimiter }}
    )
{%- endmacro %}

{% macro spark__top_texts_agg(text_expression, weight_expression, tie_breaker_expression, limit, delimiter, condition) -%}
    array_join(
        slice(
            transform(
                array_sort(collect_list(named_struct(
                    'weight', - {{ weight_expression }},
                    'tie_breaker', {{ tie_breaker_expression }},
                    'text', {{ text_expression }}
                )) filter (where {{ condition }})),
                item -> item.text
            ),
            1,
            {{ limit }}
        ),
        {{ delimiter }}
    )
{%- endmacro %}
