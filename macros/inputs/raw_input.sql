{% macro raw_input(name) %}
    {#-
        The relation that stands for the contract's input `name` (leads, lead_events,
        conversions): the `raw` source's table, or, when the var `crm_source` names a CRM, the
        CRM adapter's model `stg_<crm>__<name>` (crm_model), which maps the connector's tables
        to the contract's columns. Staging (stg_leads, stg_lead_events, stg_conversions) reads
        its input through this macro only, so that every CRM feeds the same scoring models.
    -#}
    {{ return(crm_model(name) or source('raw', name)) }}
{% endmacro %}
