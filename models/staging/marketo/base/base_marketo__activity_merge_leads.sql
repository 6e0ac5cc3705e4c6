{#-
    One row per row of the connector table activity_merge_leads (lead merges: lead_id is the
    lead kept, merge_ids the leads merged into it), renamed and cast only (marketo_activity_base); no rows when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('marketo')) }}
{{ marketo_activity_base('activity_merge_leads', {
    'merge_ids': 'text',
    'merge_source': 'text',
    'master_updated': 'boolean',
}) }}
