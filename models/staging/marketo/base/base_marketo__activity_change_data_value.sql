{#-
    One row per row of the connector table activity_change_data_value (lead field changes),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_change_data_value', {
    'old_value': 'text',
    'new_value': 'text',
    'reason': 'text',
    'source': 'text',
}) }}
