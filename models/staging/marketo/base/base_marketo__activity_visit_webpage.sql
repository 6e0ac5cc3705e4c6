{#-
    One row per row of the connector table activity_visit_webpage (web page visits (Munchkin)),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_visit_webpage', {
    'webpage_url': 'text',
    'referrer_url': 'text',
    'query_parameters': 'text',
    'search_engine': 'text',
    'search_query': 'text',
}) }}
