{#-
    One row per row of the connector table activity_unsubscribe_email (email unsubscribes),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_unsubscribe_email', {
    'email_template_id': 'text',
    'referrer_url': 'text',
    'webpage_id': 'text',
}) }}
