{% macro parse_boolean(expression) -%}
    {#-
        A seed flag as a boolean: true/t/yes/y/1 and false/f/no/n/0 in any case; empty is null,
        anything else is null too (the scorecard validation reports it).
    -#}
    case
        when {{ normalize_text(expression) }} in ('true', 't', 'yes', 'y', '1') then true
        when {{ normalize_text(expression) }} in ('false', 'f', 'no', 'n', '0') then false
    end
{%- endmacro %}
