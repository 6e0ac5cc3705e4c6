{% macro crm_source() %}
    {#-
        The CRM whose connector tables are the inputs (var `crm_source`: hubspot, salesforce
        or marketo, trimmed and lower-cased), or none when the inputs are the contract's own
        tables (the `raw` source). Any other value stops dbt with a message that names the
        var (when the project is parsed: the models' refs depend on it).
    -#}
    {%- set value = var('crm_source', none) -%}
    {%- if value is none or (value | string | trim) == '' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set crm = value | string | trim | lower -%}
    {%- if crm not in ['hubspot', 'salesforce', 'marketo'] -%}
        {{ exceptions.raise_compiler_error(
            "Invalid var crm_source: '" ~ value ~ "' is not one of hubspot, salesforce, marketo "
            ~ "(or empty for the contract's own tables)"
        ) }}
    {%- endif -%}
    {{ return(crm) }}
{% endmacro %}
