{#-
    One row per row of every Marketo activity table the adapter reads (absent tables are no
    rows), mapped to the contract's lead events, or with the reason it is left out. The
    mapping (docs/crm/marketo.md):
      activity_send_email -> email_sent, activity_email_delivered -> email_delivered,
      activity_open_email -> email_open, activity_click_email -> email_click (detail: the
      link), activity_email_bounced and activity_email_bounced_soft -> email_bounce,
      activity_unsubscribe_email -> unsubscribe (detail: the email's name for these),
      activity_visit_webpage -> page_view (detail: the page URL), activity_fill_out_form ->
      form_submit (detail: form name and the page it was filled on), activity_click_link ->
      marketo_click_link (a click on a web page's link: not a page view, whose own visit
      activity follows), activity_change_status_in_progression -> webinar_attended /
      event_attended (an 'Attended' status, a webinar by the program's type or channel),
      campaign_response (another success status; detail: the program), else
      marketo_change_status_in_progression, activity_change_data_value ->
      marketo_change_data_value (detail 'field: new value'; a conversion too when
      marketo_is_conversion). activity_delete_lead and activity_merge_leads are records of the
      lead table's history, not the lead's behaviour: left out as not_an_activity.
    An activity of a lead merged away counts for the lead it ends in (stg_marketo__lead_merges;
    merged_from_lead_id keeps the activity's own lead); one of a deleted lead, or deleted
    itself (_fivetran_deleted), is left out. An activity of a lead that the lead table lacks
    is passed on: the contract's staging reports it (unknown_lead).
-#}
{{ config(enabled=is_crm_enabled('marketo'), materialized=crm_helper_materialized()) }}
{%- set email_detail = 'primary_attribute_value' -%}
{%- set tables = {
    'activity_send_email': {'event_type': "'email_sent'", 'detail': email_detail},
    'activity_email_delivered': {'event_type': "'email_delivered'", 'detail': email_detail},
    'activity_open_email': {'event_type': "'email_open'", 'detail': email_detail},
    'activity_click_email': {'event_type': "'email_click'", 'detail': 'coalesce(link, primary_attribute_value)'},
    'activity_email_bounced': {'event_type': "'email_bounce'", 'detail': email_detail},
    'activity_email_bounced_soft': {'event_type': "'email_bounce'", 'detail': email_detail},
    'activity_unsubscribe_email': {'event_type': "'unsubscribe'", 'detail': email_detail},
    'activity_visit_webpage': {'event_type': "'page_view'", 'detail': 'coalesce(webpage_url, primary_attribute_value)'},
    'activity_click_link': {'event_type': "'marketo_click_link'", 'detail': 'primary_attribute_value'},
    'activity_fill_out_form': {
        'event_type': "'form_submit'",
        'detail': "nullif(trim(coalesce(primary_attribute_value, '') || ' ' || coalesce(referrer_url, '')), '')",
    },
    'activity_change_data_value': {
        'event_type': "'marketo_change_data_value'",
        'detail': "nullif(trim(coalesce(primary_attribute_value, '') || ': ' || trim(coalesce(new_value, ''))), ':')",
        'is_conversion': marketo_is_conversion('primary_attribute_value', 'new_value'),
    },
    'activity_delete_lead': {'event_type': 'null', 'detail': 'null'},
    'activity_merge_leads': {'event_type': 'null', 'detail': 'null'},
} -%}
{#- the status text without spaces, in lower case: 'Webinar > Attended' -> 'webinar>attended' -#}
{%- set step = "replace(lower(coalesce(status_changes.new_status, '')), ' ', '')" %}

with
{% for table in tables %}
{{ table }} as (

    select * from {{ ref('base_marketo__' ~ table) }}

),
{% endfor %}
activity_change_status_in_progression as (

    select * from {{ ref('base_marketo__activity_change_status_in_progression') }}

),

programs as (

    select * from {{ ref('base_marketo__program') }}

),

lead_merges as (

    select * from {{ ref('stg_marketo__lead_merges') }}

),

deleted_leads as (

    select * from {{ ref('stg_marketo__deleted_leads') }}

),

status_changes as (

    select
        status_changes.*,
        {{ step }} = 'attended'
        or {{ step }} like '%>attended'
        or {{ step }} = 'attendedon-demand'
        or {{ step }} like '%>attendedon-demand' as is_attended,
        coalesce(lower(programs.program_type) = 'webinar', false)
        or coalesce(lower(programs.program_channel) like '%webinar%', false)
        or {{ step }} like 'webinar%' as is_webinar

    from activity_change_status_in_progression as status_changes
    left join programs
        on status_changes.primary_attribute_value_id = programs.program_id

),

unioned as (
    {%- for table, mapping in tables.items() %}

    select
        '{{ table }}' as source_table,
        activity_id,
        lead_id as activity_lead_id,
        activity_at as occurred_at,
        cast({{ mapping.event_type }} as {{ dbt.type_string() }}) as event_type,
        cast({{ mapping.detail }} as {{ dbt.type_string() }}) as event_detail,
        {{ mapping.get('is_conversion', 'false') }} as is_conversion,
        is_deleted

    from {{ table }}

    union all
    {%- endfor %}

    select
        'activity_change_status_in_progression' as source_table,
        activity_id,
        lead_id as activity_lead_id,
        activity_at as occurred_at,
        case
            when is_attended and is_webinar then 'webinar_attended'
            when is_attended then 'event_attended'
            when coalesce(success, false) then 'campaign_response'
            else 'marketo_change_status_in_progression'
        end as event_type,
        case
            when is_attended or coalesce(success, false) then primary_attribute_value
            else nullif(trim(coalesce(primary_attribute_value, '') || ' > ' || coalesce(new_status, '')), '>')
        end as event_detail,
        false as is_conversion,
        is_deleted

    from status_changes

),

attributed as (

    select
        unioned.source_table,
        unioned.activity_id,
        unioned.source_table || ':' || coalesce(unioned.activity_id, '') as event_id,
        unioned.activity_lead_id,
        coalesce(lead_merges.winner_lead_id, unioned.activity_lead_id) as lead_id,
        lead_merges.lead_id as merged_from_lead_id,
        unioned.event_type,
        unioned.occurred_at,
        unioned.event_detail,
        unioned.is_conversion,
        unioned.is_deleted,
        deleted_leads.lead_id is not null as is_lead_deleted

    from unioned
    left join lead_merges
        on unioned.activity_lead_id = lead_merges.lead_id
    left join deleted_leads
        on coalesce(lead_merges.winner_lead_id, unioned.activity_lead_id) = deleted_leads.lead_id

),

final as (

    select
        source_table,
        activity_id,
        event_id,
        activity_lead_id,
        lead_id,
        merged_from_lead_id,
        event_type,
        occurred_at,
        event_detail,
        is_conversion,
        case
            when event_type is null then 'not_an_activity'
            when is_deleted then 'deleted_in_crm'
            when is_lead_deleted then 'lead_deleted_in_crm'
        end as issue_code,
        case
            when event_type is null and source_table = 'activity_delete_lead'
                then 'Marketo records that lead ' || coalesce(activity_lead_id, '?')
                    || ' was deleted: the lead is left out, the record itself is no activity to score'
            when event_type is null
                then 'Marketo records a merge into lead ' || coalesce(activity_lead_id, '?')
                    || ': the merged leads are left out and their activities count for it;'
                    || ' the record itself is no activity to score'
            when is_deleted
                then 'The ' || source_table || ' activity ' || coalesce(activity_id, '?')
                    || ' was deleted in Marketo (_fivetran_deleted): not scored'
            when is_lead_deleted
                then 'The ' || source_table || ' activity ' || coalesce(activity_id, '?')
                    || ' belongs to lead ' || lead_id || ', deleted in Marketo: not scored'
        end as issue_description

    from attributed

)

select * from final
