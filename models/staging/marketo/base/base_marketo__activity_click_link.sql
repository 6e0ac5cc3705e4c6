{#-
    One row per row of the connector table activity_click_link (clicks on links of web pages (Munchkin)),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_click_link', {
    'webpage_id': 'text',
    'referrer_url': 'text',
    'query_parameters': 'text',
}) }}
