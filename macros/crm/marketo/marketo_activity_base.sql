{% macro marketo_activity_base(table, columns={}) %}
    {#-
        The SQL of the base model of the Marketo activity table `table` (one row per row of
        the table, renamed and cast only): the columns every Fivetran activity table has
        (activity_id, lead_id, activity_at, primary_attribute_value(_id), campaign_id,
        is_deleted from an optional _fivetran_deleted), plus `columns` (the table's own
        columns to read: name -> text / timestamp / boolean; optional). id, lead_id and
        activity_date are required when the table exists. Fivetran creates an activity table
        only for the activity types an account has used: when `table` does not exist, the
        model has the same columns and no rows (crm_table_exists), so the build goes on.
    -#}
    {%- set relation = source('marketo', table) -%}
    {%- set core = {
        'id': 'text', 'lead_id': 'text', 'activity_date': 'timestamp',
        'primary_attribute_value': 'text', 'primary_attribute_value_id': 'text',
        'campaign_id': 'text', '_fivetran_deleted': 'boolean',
    } -%}
    {%- set exists = crm_table_exists(relation) -%}
    {%- set wanted = (core.keys() | list) + (columns.keys() | list) -%}
    {%- if exists -%}
        {%- set inputs = source_columns(relation, wanted, ['id', 'lead_id', 'activity_date']) -%}
    {%- else -%}
        {%- set found = {} -%}
        {%- for column in wanted -%}{%- do found.update({column: none}) -%}{%- endfor -%}
        {%- set inputs = {'found': found, 'extra': [], 'missing': []} -%}
    {%- endif %}
with

source as (
    {%- if exists %}

    select * from {{ relation }}
    {%- else %}

    -- {{ table }} does not exist in this account's connector schema: no rows
    select 1 as absent_table
    from (select 1 as absent_table) as absent_table
    where 1 = 0
    {%- endif %}

),

renamed as (

    select
        {{ marketo_typed_column(inputs, 'id') }} as activity_id,
        {{ marketo_typed_column(inputs, 'lead_id') }} as lead_id,
        {{ marketo_typed_column(inputs, 'activity_date', 'timestamp') }} as activity_at,
        {{ marketo_typed_column(inputs, 'primary_attribute_value') }} as primary_attribute_value,
        {{ marketo_typed_column(inputs, 'primary_attribute_value_id') }} as primary_attribute_value_id,
        {{ marketo_typed_column(inputs, 'campaign_id') }} as campaign_id,
        {%- for column, kind in columns.items() %}
        {{ marketo_typed_column(inputs, column, kind) }} as {{ column }},
        {%- endfor %}
        coalesce({{ marketo_typed_column(inputs, '_fivetran_deleted', 'boolean') }}, false) as is_deleted

    from source

),

final as (

    select * from renamed

)

select * from final
{% endmacro %}
