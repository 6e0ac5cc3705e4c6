{#-
    One row per row of the connector table activity_open_email (email opens),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_open_email', {
    'email_template_id': 'text',
    'device': 'text',
    'is_mobile_device': 'boolean',
}) }}
