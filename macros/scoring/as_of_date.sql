{% macro as_of_date() -%}
    {#-
        The scoring date as a SQL date literal (as_of_value). Every model that needs "now"
        calls this, so replaying an old `as_of` gives the scores of that day.
    -#}
    cast('{{ as_of_value() }}' as date)
{%- endmacro %}
