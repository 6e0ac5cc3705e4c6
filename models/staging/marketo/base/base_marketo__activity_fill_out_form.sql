{#-
    One row per row of the connector table activity_fill_out_form (form fills),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_fill_out_form', {
    'webform_id': 'text',
    'webpage_id': 'text',
    'referrer_url': 'text',
    'query_parameters': 'text',
}) }}
