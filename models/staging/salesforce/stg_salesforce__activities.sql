{#-
    One row per row of the connector's task, event and campaign_member tables: the lead
    event it maps to and its fate (lead_id is the person also for a row left out, when
    known). row_status `mapped` (passed on to
    stg_salesforce__lead_events) or the reason it is left out (stg_salesforce__rows_left_out):
    `not_current_version` (a past version, Fivetran history mode), `deleted_in_crm`,
    `no_lead` (names no lead or contact), `lead_deleted` (its lead or contact is deleted,
    not merged), `not_completed` (an open task: planned, not done), `not_responded` (a
    campaign member who did not respond), `campaign_deleted`. The person (lead_id) is the
    record's person (stg_salesforce__people: a converted lead's contact counts for the lead;
    a merged-away record's activities for its survivor); an id that is neither a known lead
    nor a known contact passes on as it is, and the contract's staging reports it as an
    unknown lead.
    Event types: a task that is a call (task_subtype or type 'Call', or a call_type) is
    `call_unanswered` when its call_disposition (or, without one, its subject) says so
    (salesforce_unanswered_call), else `call`; task_subtype 'ListEmail' (a list email sent
    from Salesforce) is `email_sent`; an email task (task_subtype or type 'Email') is
    `sales_email`; any other task (to-do, cadence step) is `salesforce_task`. An event
    (calendar) is a `meeting`. A responded campaign member is `webinar_attended` (campaign
    type with 'webinar'), `event_attended` (conference, trade show, event, seminar, meetup,
    roadshow) or `campaign_response`, detail the campaign's name. Dates: a task's
    activity_date (the day the activity was logged for), else its completed_date_time, else
    created_date; an event's start; a member's first_responded_date, else created_date.
-#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized=crm_helper_materialized()) }}

with

people as (

    select * from {{ ref('stg_salesforce__people') }}
    where record_status <> 'not_current_version'

),

tasks as (

    select * from {{ ref('base_salesforce__task') }}

),

events as (

    select * from {{ ref('base_salesforce__event') }}

),

members as (

    select * from {{ ref('base_salesforce__campaign_member') }}

),

campaigns as (

    select * from {{ ref('base_salesforce__campaign') }}
    where is_current

),

task_rows as (

    select
        'task' as source_table,
        tasks.task_id as source_key,
        tasks.is_current,
        tasks.is_deleted,
        tasks.who_id as person_record_id,
        people.record_id as known_record_id,
        people.lead_id as person_lead_id,
        not coalesce(tasks.is_closed, lower(tasks.status) in ('completed', 'closed'), true) as is_open,
        true as has_responded,
        false as is_campaign_deleted,
        case
            when
                lower(tasks.task_subtype) = 'call'
                or lower(tasks.task_type) = 'call'
                or tasks.call_type is not null
                then case
                        when {{ salesforce_unanswered_call('coalesce(tasks.call_disposition, tasks.subject)') }}
                            then 'call_unanswered'
                        else 'call'
                    end
            when lower(tasks.task_subtype) = 'listemail' then 'email_sent'
            when lower(tasks.task_subtype) = 'email' or lower(tasks.task_type) = 'email' then 'sales_email'
            else 'salesforce_task'
        end as event_type,
        coalesce(tasks.activity_date, tasks.completed_date_time, tasks.created_date) as occurred_at,
        tasks.subject as event_detail,
        cast(null as {{ dbt.type_string() }}) as campaign_id,
        coalesce(tasks.status, '') as status_text

    from tasks
    left join people
        on tasks.who_id = people.record_id

),

event_rows as (

    select
        'event' as source_table,
        events.event_id as source_key,
        events.is_current,
        events.is_deleted,
        events.who_id as person_record_id,
        people.record_id as known_record_id,
        people.lead_id as person_lead_id,
        false as is_open,
        true as has_responded,
        false as is_campaign_deleted,
        'meeting' as event_type,
        coalesce(events.start_date_time, events.activity_date_time, events.activity_date, events.created_date)
            as occurred_at,
        events.subject as event_detail,
        cast(null as {{ dbt.type_string() }}) as campaign_id,
        '' as status_text

    from events
    left join people
        on events.who_id = people.record_id

),

member_rows as (

    select
        'campaign_member' as source_table,
        members.campaign_member_id as source_key,
        members.is_current,
        members.is_deleted,
        coalesce(members.lead_id, members.contact_id) as person_record_id,
        coalesce(member_leads.record_id, member_contacts.record_id) as known_record_id,
        coalesce(member_leads.lead_id, member_contacts.lead_id) as person_lead_id,
        false as is_open,
        coalesce(members.has_responded, false) as has_responded,
        coalesce(campaigns.is_deleted, false) as is_campaign_deleted,
        case
            when lower(campaigns.campaign_type) like '%webinar%' then 'webinar_attended'
            when
                lower(campaigns.campaign_type) like '%conference%'
                or lower(campaigns.campaign_type) like '%trade show%'
                or lower(campaigns.campaign_type) like '%tradeshow%'
                or lower(campaigns.campaign_type) like '%event%'
                or lower(campaigns.campaign_type) like '%seminar%'
                or lower(campaigns.campaign_type) like '%meetup%'
                or lower(campaigns.campaign_type) like '%roadshow%'
                then 'event_attended'
            else 'campaign_response'
        end as event_type,
        coalesce(members.first_responded_date, members.created_date) as occurred_at,
        campaigns.campaign_name as event_detail,
        members.campaign_id,
        coalesce(members.status, '') as status_text

    from members
    left join people as member_leads
        on members.lead_id = member_leads.record_id
    left join people as member_contacts
        on members.contact_id = member_contacts.record_id
    left join campaigns
        on members.campaign_id = campaigns.campaign_id

),

activity_rows as (

    select * from task_rows
    union all
    select * from event_rows
    union all
    select * from member_rows

),

classified as (

    select
        *,
        case
            when not is_current then 'not_current_version'
            when is_deleted then 'deleted_in_crm'
            when is_campaign_deleted then 'campaign_deleted'
            when not has_responded then 'not_responded'
            when person_record_id is null then 'no_lead'
            when known_record_id is not null and person_lead_id is null then 'lead_deleted'
            when is_open then 'not_completed'
            else 'mapped'
        end as row_status

    from activity_rows

),

final as (

    select
        source_table,
        source_key,
        source_table || ':' || source_key as event_id,
        -- the person; a record that is neither a known lead nor a known contact as it is
        coalesce(person_lead_id, case when known_record_id is null then person_record_id end) as lead_id,
        event_type,
        occurred_at,
        event_detail,
        campaign_id,
        row_status,
        case row_status
            when 'mapped' then null
            when 'not_current_version'
                then
                    'A past version of this '
                    || source_table
                    || ' (Fivetran history mode): only the current one counts.'
            when 'deleted_in_crm'
                then
                    'The ' || source_table || ' is deleted in Salesforce (is_deleted).'
            when 'campaign_deleted'
                then
                    'Its campaign ' || campaign_id || ' is deleted in Salesforce.'
            when 'not_responded'
                then
                    'The member of campaign ' || {{ quoted_text('event_detail') }} || ' (status '
                    || {{ quoted_text('status_text') }}
                    || ') has not responded: being added to a campaign is no activity.'
            when 'no_lead'
                then
                    'The ' || source_table || ' names no lead or contact ('
                    || case when source_table = 'campaign_member' then 'lead_id and contact_id are' else 'who_id is' end
                    || ' empty).'
            when 'lead_deleted'
                then
                    'The ' || source_table || ' belongs to ' || person_record_id
                    || ', deleted in Salesforce (not merged into another record).'
            when 'not_completed' then
                'The task is still open (status ' || {{ quoted_text('status_text') }}
                || '): a planned activity, not one that happened.'
        end as issue_description

    from classified

)

select * from final
