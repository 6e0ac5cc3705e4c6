{% macro lead_attribute_columns(lead_columns_relation) %}
    {#-
        The attributes a fit or exclusion rule may name, as (attribute, column) pairs: from
        `lead_columns_relation` (stg_lead_columns) every column of the leads source that is an
        attribute, by the name a rule uses (the source's spelling, trimmed and lower-cased),
        with the column of stg_leads (and int_leads_enriched) that holds it; plus the derived
        attributes email_domain and region. Empty while parsing or before the relation exists.
    -#}
    {%- if not execute or load_relation(lead_columns_relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        select attribute_name, staging_column
        from {{ lead_columns_relation }}
        where attribute_name is not null
        order by column_position
    {%- endset -%}
    {%- set pairs = [] -%}
    {%- for row in run_query(query).rows -%}
        {%- do pairs.append({'attribute': row[0], 'column': row[1]}) -%}
    {%- endfor -%}
    {{ return(pairs + [
        {'attribute': 'email_domain', 'column': 'email_domain'},
        {'attribute': 'region', 'column': 'region'},
    ]) }}
{% endmacro %}
