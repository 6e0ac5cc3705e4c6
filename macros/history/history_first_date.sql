{% macro history_first_date() -%}
    {#- The first day of lead_score_history: history_days - 1 days before as_of (a SQL date). -#}
    cast({{ dbt.dateadd('day', 1 - history_days(), as_of_date()) }} as date)
{%- endmacro %}
