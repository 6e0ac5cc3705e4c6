{% macro hubspot_company_size(expression) -%}
    {#-
        HubSpot's number of employees (property_numemployees) as the contract's company_size,
        a whole number as text. The property is an enumeration of ranges ('1-5', '5-25',
        '25-50', '50-100', '100-500', '500-1000', '1000+'), some accounts hold a number: a range
        gives its LOWER bound ('50-100' -> '50', '1000+' -> '1000'; thousands separators and
        spaces ignored, '1,000+' -> '1000'), a number is itself. Anything else is passed on as
        it is ('n/a'), so that the project reports it as a number it cannot read.
    -#}
    {%- set text = clean_text(expression) -%}
    {%- set compact = "replace(replace(" ~ text ~ ", ',', ''), ' ', '')" -%}
    case
        when {{ matches_pattern(compact, '[0-9]{1,9}([+]|-[0-9]{1,9})?') }}
            then {{ dbt.split_part("replace(" ~ compact ~ ", '+', '')", "'-'", 1) }}
        else {{ text }}
    end
{%- endmacro %}
