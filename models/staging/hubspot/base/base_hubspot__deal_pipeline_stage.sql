{#-
    One row per row of the optional connector table `deal_pipeline_stage`: the stage's id as
    text, its label, and whether it is a closed-won stage (closed_won; where the column is
    absent or null, a win probability of 1). Empty when the table is absent.
-#}
{{ config(enabled=is_crm_enabled('hubspot')) }}
{%- set relation = source('hubspot', 'deal_pipeline_stage') -%}
{%- set columns = ['stage_id', 'label', 'closed_won', 'probability'] -%}
{%- set stage = source_columns(relation, columns, ['stage_id']) -%}

with

source as (

    {%- if not crm_table_exists(relation) %}
    {{ hubspot_empty_table(columns) }}
    {%- else %}
    select * from {{ relation }}
    {%- endif %}

),

renamed as (

    select
        {{ clean_key(input_column(stage, 'stage_id')) }} as stage_id,
        {{ clean_text(input_column(stage, 'label')) }} as stage_label,
        coalesce(
            cast({{ input_column(stage, 'closed_won') }} as boolean),
            {{ parse_number(clean_text(input_column(stage, 'probability'))) }} >= 1,
            false
        ) as is_closed_won

    from source

),

final as (

    select * from renamed

)

select * from final
