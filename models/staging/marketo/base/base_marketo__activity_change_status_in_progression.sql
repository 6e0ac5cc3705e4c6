{#-
    One row per row of the connector table activity_change_status_in_progression (program status changes),
    renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_change_status_in_progression', {
    'old_status': 'text',
    'new_status': 'text',
    'success': 'boolean',
    'reason': 'text',
    'program_member_id': 'text',
}) }}
