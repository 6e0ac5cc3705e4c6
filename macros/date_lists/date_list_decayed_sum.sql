{% macro date_list_decayed_sum(date_list, count_expression, half_life_expression, day_expression=none) %}
    {#-
        Over the `count_expression` most recent dates of a date list (recent_dates_agg): the
        sum of 0.5 ^ (age_days / half-life), age_days counted to as_of (or to
        `day_expression`, a date: lead_score_history scores past days with the same
        arithmetic, summed in the same order); their number when the half-life is null (no
        decay). An occurrence's worth depends on its day only.
    -#}
    {{ return(adapter.dispatch('date_list_decayed_sum', 'lead_scoring')(
        date_list, count_expression, half_life_expression, day_expression or as_of_date()
    )) }}
{% endmacro %}

{% macro default__date_list_decayed_sum(date_list, count_expression, half_life_expression, day_expression) -%}
    case
        when {{ half_life_expression }} is null then {{ count_expression }}
        else (
            select sum(power(
                0.5,
                cast({{ dbt.datediff('listed.event_date', day_expression, 'day') }} as {{ type_double() }})
                / {{ half_life_expression }}
            ))
            from unnest({{ date_list }}[1:{{ count_expression }}]) as listed (event_date)
        )
    end
{%- endmacro %}

{% macro duckdb__date_list_decayed_sum(date_list, count_expression, half_life_expression, day_expression) -%}
    case
        when {{ half_life_expression }} is null then {{ count_expression }}
        else list_sum(list_transform(
            list_slice({{ date_list }}, 1, {{ count_expression }}),
            lambda listed_date: power(
                0.5,
                cast({{ dbt.datediff('listed_date', day_expression, 'day') }} as {{ type_double() }})
                / {{ half_life_expression }}
            )
        ))
    end
{%- endmacro %}

{% macro spark__date_list_decayed_sum(date_list, count_expression, half_life_expression, day_expression) -%}
    case
        when {{ half_life_expression }} is null then {{ count_expression }}
        else aggregate(
            slice({{ date_list }}, 1, cast({{ count_expression }} as int)),
            cast(0 as {{ type_double() }}),
            (decayed, listed_date) -> decayed + power(
                0.5,
                cast({{ dbt.datediff('listed_date', day_expression, 'day') }} as {{ type_double() }})
                / {{ half_life_expression }}
            )
        )
    end
{%- endmacro %}
