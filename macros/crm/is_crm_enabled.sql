{% macro is_crm_enabled(crm) %}
    {#-
        Whether the models and the source of the adapter `crm` (models/staging/<crm>/) are
        part of the project: only when the var `crm_source` names that CRM.
    -#}
    {{ return(crm_source() == crm) }}
{% endmacro %}
