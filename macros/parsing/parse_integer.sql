{% macro parse_integer(expression) -%}
    {#-
        A text read as a whole number, or null when it is not one: optional sign and up to 9
        digits, surrounding spaces allowed ('2.0' and '1e3' are not whole numbers here).
    -#}
    case
        when {{ matches_pattern('trim(' ~ expression ~ ')', '[+-]?[0-9]{1,9}') }}
            then cast(trim({{ expression }}) as {{ dbt.type_int() }})
    end
{%- endmacro %}
