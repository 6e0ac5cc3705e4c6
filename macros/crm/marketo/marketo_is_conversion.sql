{% macro marketo_is_conversion(field_expression, value_expression) -%}
    {#-
        Whether a Marketo field change (activity_change_data_value: the field's name and its
        new value) means the lead became a customer: the field is one of the var
        `marketo_conversion_fields` (default: Lead Status, Lifecycle Stage) and the new value
        one of `marketo_conversion_values` (default: Customer, Closed Won), both compared
        trimmed and in lower case. The vars' texts reach SQL only as escaped literals.
    -#}
    {%- set fields = [] -%}
    {%- for name in var('marketo_conversion_fields', ['Lead Status', 'Lifecycle Stage']) -%}
        {%- do fields.append(name | string | trim | lower) -%}
    {%- endfor -%}
    {%- set values = [] -%}
    {%- for value in var('marketo_conversion_values', ['Customer', 'Closed Won']) -%}
        {%- do values.append(value | string | trim | lower) -%}
    {%- endfor -%}
    {%- if not fields or not values -%}
        false
    {%- else -%}
        coalesce(
            {{ normalize_text(field_expression) }} in {{ sql_literal_list(fields) }}
            and {{ normalize_text(value_expression) }} in {{ sql_literal_list(values) }},
            false
        )
    {%- endif -%}
{%- endmacro %}
