{% macro recent_dates_agg(date_expression, keep_expression) %}
    {#-
        Aggregate: the dates of the group as a list, most recent first (a "date list"); only
        the `keep_expression` most recent when that is not null. `keep_expression` must be
        the same on every row of the group (group by it).
    -#}
    {{ return(adapter.dispatch('recent_dates_agg', 'lead_scoring')(date_expression, keep_expression)) }}
{% endmacro %}

{% macro default__recent_dates_agg(date_expression, keep_expression) -%}
    (array_agg({{ date_expression }} order by {{ date_expression }} desc))[
        1:coalesce(max({{ keep_expression }}), count(*))
    ]
{%- endmacro %}

{% macro duckdb__recent_dates_agg(date_expression, keep_expression) -%}
    {#- max(x, n): the n largest, without sorting the whole group; a plain max for 1 -#}
    case
        when {{ keep_expression }} = 1 then [max({{ date_expression }})]
        else coalesce(
            max({{ date_expression }}, {{ keep_expression }}) filter (where {{ keep_expression }} > 1),
            list_reverse_sort(list({{ date_expression }}) filter (where {{ keep_expression }} is null))
        )
    end
{%- endmacro %}

{% macro spark__recent_dates_agg(date_expression, keep_expression) -%}
    slice(
        sort_array(collect_list({{ date_expression }}), false),
        1,
        cast(coalesce(max({{ keep_expression }}), count(*)) as int)
    )
{%- endmacro %}
