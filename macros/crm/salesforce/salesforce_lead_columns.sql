{% macro salesforce_lead_columns() %}
    {#-
        The columns of stg_salesforce__leads before its custom fields: the contract's leads
        columns, then the Salesforce attributes it passes on (each one a rule can name). A
        custom field is never named like one of them (salesforce_custom_fields).
    -#}
    {{ return([
        'lead_id', 'email', 'job_title', 'industry', 'company_name', 'company_size',
        'annual_revenue', 'country', 'created_at',
        'salesforce_lead_id', 'salesforce_contact_id', 'salesforce_account_id', 'salesforce_object',
        'lead_source', 'lead_status', 'rating', 'is_converted', 'lead_converted_date',
        'has_opted_out_of_email',
    ]) }}
{% endmacro %}
