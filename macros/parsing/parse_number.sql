{% macro parse_number(expression) -%}
    {#-
        A text read as a number (double), or null when it is not one. One grammar on every
        engine: optional sign, digits with an optional decimal point (or a leading point), an
        optional exponent of at most two digits; surrounding spaces allowed. '1,000', 'n/a',
        '1_000', 'inf' and 'nan' are not numbers. The cast after the check cannot fail.
    -#}
    case
        when {{ matches_pattern('trim(' ~ expression ~ ')', '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]{1,2})?') }}
            then cast(trim({{ expression }}) as {{ type_double() }})
    end
{%- endmacro %}
