{#-
    One row per row of the connector table activity_click_email (email link clicks),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_click_email', {
    'email_template_id': 'text',
    'link': 'text',
    'device': 'text',
    'is_mobile_device': 'boolean',
}) }}
