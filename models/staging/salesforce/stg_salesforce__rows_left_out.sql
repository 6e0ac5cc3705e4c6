{#-
    One row per row of a connector table that the mapping does not pass on to
    stg_salesforce__leads, stg_salesforce__lead_events or stg_salesforce__conversions, with
    why (issue_code) in a sentence that names the values (issue_description). The lead
    unions these into data_quality_issues. Codes: `not_current_version` (a past version,
    Fivetran history mode), `deleted_in_crm`, `merged_into_other` (merged into the record
    named, whose person is scored), `converted_into_same_contact` (lead and contact),
    `no_contact` (account: no scored person's company), `no_response` (campaign: no member
    responded), `not_won` (opportunity), `opportunity_not_won` (contact role), `no_lead`,
    `lead_deleted`, `not_completed`, `not_responded`, `campaign_deleted` (activities, see
    stg_salesforce__activities).
-#}
{#- a table: the mapping runs once per build, not once per model that reads it (Spark plans
    a view's whole chain again in each) -#}
{{ config(enabled=is_crm_enabled('salesforce'), materialized='table') }}
with

people as (

    select * from {{ ref('stg_salesforce__people') }}

),

accounts as (

    select * from {{ ref('base_salesforce__account') }}

),

campaigns as (

    select * from {{ ref('base_salesforce__campaign') }}

),

opportunities as (

    select * from {{ ref('base_salesforce__opportunity') }}

),

activities as (

    select * from {{ ref('stg_salesforce__activities') }}

),

links as (

    select * from {{ ref('stg_salesforce__opportunity_links') }}

),

leads as (

    select * from {{ ref('stg_salesforce__leads') }}

),

lead_events as (

    select * from {{ ref('stg_salesforce__lead_events') }}

),

conversions as (

    select * from {{ ref('stg_salesforce__conversions') }}

),

people_left_out as (

    select
        'salesforce.' || record_table as source_name,
        record_id as source_key,
        lead_id,
        record_status as issue_code,
        case record_status
            when 'not_current_version'
                then
                    'A past version of the ' || record_table || ' (Fivetran history mode): only the current one counts.'
            when 'merged_into_other'
                then
                    'Merged into ' || master_record_id || ' in Salesforce (is_deleted, master_record_id): '
                    || coalesce(
                        'the survivor is scored as ' || lead_id || ' and gets its activities.',
                        'the survivor is no live record.'
                    )
            when 'deleted_in_crm'
                then
                    'Deleted in Salesforce (is_deleted, not merged into another record): not scored.'
            when 'converted_into_same_contact' then
                'Converted into contact ' || converted_contact_id || ', which is scored as the earlier lead '
                || lead_id || ' converted into it; its activities count for that lead.'
        end as issue_description

    from people
    where record_status not in ('scored', 'converted_from_lead')

),

accounts_left_out as (

    select
        'salesforce.account' as source_name,
        account_id as source_key,
        cast(null as {{ dbt.type_string() }}) as lead_id,
        case
            when not is_current then 'not_current_version'
            when is_deleted and master_record_id is not null then 'merged_into_other'
            when is_deleted then 'deleted_in_crm'
            else 'no_contact'
        end as issue_code,
        case
            when not is_current
                then
                    'A past version of the account (Fivetran history mode): only the current one counts.'
            when is_deleted and master_record_id is not null
                then
                    'Merged into account ' || master_record_id || ' in Salesforce (is_deleted, master_record_id).'
            when is_deleted then 'Deleted in Salesforce (is_deleted): its fields describe no one.'
            else
                'Account ' || {{ quoted_text('account_name') }} || ' is the company of no scored lead or contact: '
                || 'an account gives its contacts their company fields and is not scored itself.'
        end as issue_description

    from accounts
    where
        not is_current
        or is_deleted
        or account_id not in (
            select leads.salesforce_account_id from leads
            where leads.salesforce_account_id is not null
        )

),

activities_left_out as (

    select
        'salesforce.' || source_table as source_name,
        source_key,
        lead_id,
        row_status as issue_code,
        issue_description

    from activities
    where row_status <> 'mapped'

),

campaigns_left_out as (

    select
        'salesforce.campaign' as source_name,
        campaign_id as source_key,
        cast(null as {{ dbt.type_string() }}) as lead_id,
        case
            when not is_current then 'not_current_version'
            when is_deleted then 'deleted_in_crm'
            else 'no_response'
        end as issue_code,
        case
            when not is_current
                then
                    'A past version of the campaign (Fivetran history mode): only the current one counts.'
            when is_deleted then 'Deleted in Salesforce (is_deleted): its members are left out too.'
            else
                'No member of campaign ' || {{ quoted_text('campaign_name') }} || ' responded: a campaign counts '
                || 'through the responses of its members.'
        end as issue_description

    from campaigns
    where
        not is_current
        or is_deleted
        or campaign_id not in (
            select lead_events.campaign_id from lead_events
            where lead_events.campaign_id is not null
        )

),

opportunities_left_out as (

    select
        'salesforce.opportunity' as source_name,
        opportunity_id as source_key,
        cast(null as {{ dbt.type_string() }}) as lead_id,
        case
            when not is_current then 'not_current_version'
            when is_deleted then 'deleted_in_crm'
            when not coalesce(is_won, false) then 'not_won'
            else 'no_lead'
        end as issue_code,
        case
            when not is_current
                then
                    'A past version of the opportunity (Fivetran history mode): only the current one counts.'
            when is_deleted then 'Deleted in Salesforce (is_deleted): no conversion.'
            when not coalesce(is_won, false)
                then
                    'Not won (stage ' || {{ quoted_text('stage_name') }}
                    || '): only a closed-won opportunity is a conversion.'
            else
                'Won, but linked to no scored lead or contact (no converted lead, contact or contact role): '
                || 'no one to give the conversion to.'
        end as issue_description

    from opportunities
    where
        not is_current
        or is_deleted
        or not coalesce(is_won, false)
        or opportunity_id not in (select conversions.source_key from conversions)

),

roles_left_out as (

    select
        'salesforce.opportunity_contact_role' as source_name,
        link_id as source_key,
        lead_id,
        case when row_status = 'mapped' then 'opportunity_not_won' else row_status end as issue_code,
        case row_status
            when 'not_current_version'
                then
                    'A past version of the contact role (Fivetran history mode): only the current one counts.'
            when 'deleted_in_crm' then 'Deleted in Salesforce (is_deleted): no conversion.'
            when 'no_lead'
                then
                    'Contact ' || coalesce(record_id, '(empty)')
                    || ' is no known contact: no one to give the conversion to.'
            when 'lead_deleted' then 'Contact ' || record_id || ' is deleted in Salesforce: no conversion.'
            else
                'Opportunity ' || coalesce(opportunity_id, '(empty)')
                || ' is not a live, won opportunity: no conversion.'
        end as issue_description

    from links
    where
        link_table = 'opportunity_contact_role'
        and (
            row_status <> 'mapped'
            or opportunity_id is null
            or opportunity_id not in (select conversions.source_key from conversions)
        )

),

left_out as (

    select * from people_left_out
    union all
    select * from accounts_left_out
    union all
    select * from activities_left_out
    union all
    select * from campaigns_left_out
    union all
    select * from opportunities_left_out
    union all
    select * from roles_left_out

),

final as (

    select
        source_name,
        source_key,
        lead_id,
        issue_code,
        issue_description

    from left_out

)

select * from final
