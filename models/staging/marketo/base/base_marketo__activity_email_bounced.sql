{#-
    One row per row of the connector table activity_email_bounced (hard email bounces),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_email_bounced', {
    'email_template_id': 'text',
    'email': 'text',
    'category': 'text',
    'subcategory': 'text',
    'details': 'text',
}) }}
