{% macro crm_model(name) %}
    {#-
        The CRM adapter's model `stg_<crm>__<name>` (models/staging/<crm>/) of the CRM that the
        var `crm_source` names, or none when the inputs are the contract's own tables. The
        adapters all have the same models: leads, lead_events, conversions (the contract's
        inputs), rows_left_out (the connector rows they do not pass on, for the ledger) and
        rows_read (rows per connector table, for the reconciliation).
    -#}
    {%- set crm = crm_source() -%}
    {%- if crm is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(ref('stg_' ~ crm ~ '__' ~ name)) }}
{% endmacro %}
