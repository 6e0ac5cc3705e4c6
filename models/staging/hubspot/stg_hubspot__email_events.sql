{#-
    One row per row of the connector's email_event table, with what becomes of it: the lead
    (the contact whose email, or one of whose additional emails
    (property_hs_additional_emails), is the recipient's, lower-cased; a merged contact's
    email counts for the contact it was merged into; when two contacts share one: a live
    one, a primary email, then the smallest id), the contract's event (event_id 'email_event:<id>', event_type, detail), and
    left_out_code / left_out_description when it is not passed on (deleted, filtered out by
    HubSpot, a recipient of no contact, a deleted contact's). Types: SENT email_sent,
    DELIVERED email_delivered, OPEN email_open, CLICK email_click (detail: the URL),
    BOUNCE email_bounce, STATUSCHANGE unsubscribe (hubspot_email_resubscribe when the change
    leaves the recipient subscribed to everything), any other TYPE hubspot_email_<type>
    (SPAMREPORT hubspot_email_spamreport, DROPPED hubspot_email_dropped, ...). Detail of the
    other types: the email campaign's id.
-#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized=crm_helper_materialized()) }}
with

events as (

    select * from {{ ref('base_hubspot__email_event') }}

),

clicks as (

    select * from {{ ref('base_hubspot__email_event_click') }}

),

status_changes as (

    select * from {{ ref('base_hubspot__email_event_status_change') }}

),

contacts as (

    select * from {{ ref('base_hubspot__contact') }}

),

lookup as (

    select * from {{ ref('stg_hubspot__contact_lookup') }}

),

click_urls as (

    select
        email_event_id,
        min(url) as url

    from clicks
    group by email_event_id

),

subscription_changes as (

    select
        email_event_id,
        max(
            case
                when
                    portal_subscription_status = 'SUBSCRIBED'
                    and lower(coalesce(subscriptions, '')) not like '%unsubscribed%'
                    then 1
                else 0
            end
        ) as is_resubscribe

    from status_changes
    group by email_event_id

),

additional_addresses as (

    select
        contact_id,
        {{ unnest_list("replace(additional_emails, ';', '|')") }} as email

    from contacts
    where additional_emails is not null

),

contact_addresses as (

    select
        contact_id,
        {{ normalize_text('email') }} as email,
        0 as is_additional
    from contacts

    union all

    select
        contact_id,
        {{ normalize_text('email') }} as email,
        1 as is_additional
    from additional_addresses

),

addresses as (

    select
        contact_addresses.email,
        lookup.lead_id,
        lookup.lead_state,
        row_number() over (
            partition by contact_addresses.email
            order by
                case when lookup.lead_state = 'live' then 0 else 1 end,
                contact_addresses.is_additional,
                lookup.lead_id
        ) as address_rank

    from contact_addresses
    inner join lookup
        on contact_addresses.contact_id = lookup.contact_id
    where contact_addresses.email is not null

),

recipients as (

    select
        email,
        lead_id,
        lead_state

    from addresses
    where address_rank = 1

),

mapped as (

    select
        events.email_event_id,
        events.email_event_type,
        events.recipient,
        recipients.lead_id,
        'email_event:' || events.email_event_id as event_id,
        case events.email_event_type
            when 'SENT' then 'email_sent'
            when 'DELIVERED' then 'email_delivered'
            when 'OPEN' then 'email_open'
            when 'CLICK' then 'email_click'
            when 'BOUNCE' then 'email_bounce'
            when 'STATUSCHANGE'
                then
                    case
                        when subscription_changes.is_resubscribe = 1 then 'hubspot_email_resubscribe'
                        else 'unsubscribe'
                    end
            else 'hubspot_email_' || lower(replace(events.email_event_type, ' ', '_'))
        end as event_type,
        events.occurred_at,
        case
            when events.email_event_type = 'CLICK' then click_urls.url
            else events.email_campaign_id
        end as event_detail,
        case
            when events.is_deleted then 'deleted_in_crm'
            when events.is_filtered then 'filtered_by_hubspot'
            when recipients.lead_id is null then 'no_lead'
            when recipients.lead_state <> 'live' then 'lead_deleted_in_crm'
        end as left_out_code

    from events
    left join recipients
        on events.recipient = recipients.email
    left join click_urls
        on events.email_event_id = click_urls.email_event_id
    left join subscription_changes
        on events.email_event_id = subscription_changes.email_event_id

),

final as (

    select
        email_event_id,
        event_id,
        lead_id,
        event_type,
        occurred_at,
        event_detail,
        left_out_code,
        case left_out_code
            when 'deleted_in_crm'
                then 'the email event ' || {{ quoted_text('email_event_id') }} || ' was deleted in HubSpot'
            when 'filtered_by_hubspot'
                then 'HubSpot filters the ' || lower(coalesce(email_event_type, '')) || ' event '
                    || {{ quoted_text('email_event_id') }}
                    || ' out of its reports (an automated open or click, e.g. a mail scanner): not scored'
            when 'no_lead'
                then 'the recipient ' || {{ quoted_text('recipient') }} || ' of the email event '
                    || {{ quoted_text('email_event_id') }} || ' is the email address of no HubSpot contact'
            when 'lead_deleted_in_crm'
                then 'the contact ' || {{ quoted_text('lead_id') }} || ' of the email event '
                    || {{ quoted_text('email_event_id') }} || ' was deleted in HubSpot'
        end as left_out_description

    from mapped

)

select * from final
