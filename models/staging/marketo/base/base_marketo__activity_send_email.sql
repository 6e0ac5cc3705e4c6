{#-
    One row per row of the connector table activity_send_email (email sends),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_send_email', {
    'email_template_id': 'text',
}) }}
