{#-
    One row per row of the connector's `account` table: renamed and cast only (ids and texts
    trimmed, blank as null; timestamps, booleans and numbers typed), with is_deleted and
    is_current (salesforce_record_flags). A column the connector lacks is null; without the
    table (not synced) the view is empty.
-#}
{{ config(enabled=is_crm_enabled('salesforce')) }}
{%- set account = salesforce_table('account', [
    'id', 'master_record_id', 'name', 'industry', 'number_of_employees',
    'annual_revenue', 'billing_country', 'billing_country_code', 'is_deleted', '_fivetran_deleted',
    '_fivetran_active',
]) -%}

with

source as (

    {{ salesforce_rows(account) }}

),

renamed as (

    select
        {{ salesforce_column(account, 'id') }} as account_id,
        {{ salesforce_column(account, 'master_record_id') }} as master_record_id,
        {{ salesforce_column(account, 'name') }} as account_name,
        {{ salesforce_column(account, 'industry') }} as industry,
        {{ salesforce_column(account, 'number_of_employees', 'integer') }} as number_of_employees,
        {{ salesforce_column(account, 'annual_revenue', 'number') }} as annual_revenue,
        {{ salesforce_column(account, 'billing_country') }} as billing_country,
        {{ salesforce_column(account, 'billing_country_code') }} as billing_country_code,
        {{ salesforce_record_flags(account) }}

    from source

),

final as (

    select * from renamed

)

select * from final
