{% macro lead_attribute_columns(leads_relation) %}
    {#-
        The attributes a fit or exclusion rule may name: the text columns of `leads_relation`
        (stg_leads: contract columns and any extra source column) except keys and technical
        columns, plus the derived attributes email_domain and region. Empty while parsing or
        before stg_leads exists.
    -#}
    {%- set not_attributes = ['lead_id', 'created_at', 'created_at_text', 'row_hash'] -%}
    {%- if not execute or load_relation(leads_relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for column in adapter.get_columns_in_relation(leads_relation) -%}
        {%- if column.name | lower not in not_attributes -%}
            {%- do names.append(column.name | lower) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(names + ['email_domain', 'region']) }}
{% endmacro %}
