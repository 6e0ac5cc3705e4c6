{% macro string_agg_ordered(measure, order_expression, delimiter) %}
    {#-
        Aggregate of texts joined by `delimiter`, in ascending order of `order_expression` (a
        number, e.g. a rank from row_number()). dbt's listagg cannot order on Spark.
    -#}
    {{ return(adapter.dispatch('string_agg_ordered', 'lead_scoring')(measure, order_expression, delimiter)) }}
{% endmacro %}

{% macro default__string_agg_ordered(measure, order_expression, delimiter) -%}
    string_agg({{ measure }}, {{ delimiter }} order by {{ order_expression }})
{%- endmacro %}

{% macro spark__string_agg_ordered(measure, order_expression, delimiter) -%}
    array_join(
        transform(
            array_sort(collect_list(named_struct('sort_key', {{ order_expression }}, 'text', {{ measure }}))),
            item -> item.text
        ),
        {{ delimiter }}
    )
{%- endmacro %}
