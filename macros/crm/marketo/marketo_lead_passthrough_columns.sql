{% macro marketo_lead_passthrough_columns(extra) %}
    {#-
        Of the lead table's columns that the adapter does not map itself (`extra`, as the
        table spells them), those that pass through to stg_marketo__leads, where they become
        attributes a scorecard rule can name (lead_source, lead_status, the account's custom
        fields such as product_interest). Left out: Fivetran's own columns (_fivetran_*), ids
        of other records (names ending in _id: sfdc_lead_id, acquisition_program_id...),
        Marketo system fields (cookies, anonymous_ip, inferred_*), a column named like one of
        the adapter's own columns (lead_id, job_title, company_name, company_size, is_deleted,
        source_table; it would stand for it), and the names in the var
        `marketo_lead_columns_left_out` (a list; default none), compared in lower case.
    -#}
    {%- set own = [
        'lead_id', 'job_title', 'company_name', 'company_size', 'created_at', 'updated_at',
        'is_deleted', 'source_table',
    ] -%}
    {%- set system = ['cookies', 'anonymous_ip'] -%}
    {%- set left_out = [] -%}
    {%- for name in var('marketo_lead_columns_left_out', []) or [] -%}
        {%- do left_out.append(name | string | trim | lower) -%}
    {%- endfor -%}
    {%- set kept = [] -%}
    {%- for name in extra -%}
        {%- set key = name | trim | lower -%}
        {%- if key.startswith('_fivetran') or key.endswith('_id') or key.startswith('inferred_')
            or key in system or key in left_out -%}
        {%- elif key in own -%}
            {%- do exceptions.warn(
                "marketo lead: the column '" ~ name ~ "' is not passed through: the adapter has a column of that name"
            ) -%}
        {%- else -%}
            {%- do kept.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(kept) }}
{% endmacro %}
