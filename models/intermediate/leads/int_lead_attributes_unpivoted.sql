{#-
    One row per lead and attribute named by an active fit or exclusion rule: the value in its
    comparison form (trimmed, lower case, null when blank) and read as a number (null when it
    is not one). Only the attributes the scorecards use are unpivoted; `attribute` is the name
    the rules use (stg_lead_columns: 'lead source' for the column 'Lead Source').
-#}
-- depends_on: {{ ref('int_scorecard_rules_filtered') }}
-- depends_on: {{ ref('stg_lead_columns') }}
{%- set attributes = lead_rule_attributes(ref('int_scorecard_rules_filtered'), ref('stg_lead_columns')) %}

with

leads as (

    select * from {{ ref('int_leads_enriched') }}

),

unpivoted as (

    -- an empty, typed first part keeps the union valid when no rule names an attribute
    select
        lead_id,
        cast(null as {{ dbt.type_string() }}) as attribute,
        cast(null as {{ dbt.type_string() }}) as attribute_value
    from leads
    where false
    {%- for attribute in attributes %}

    union all

    select
        lead_id,
        {{ string_literal(attribute.attribute) }} as attribute,
        {{ normalize_text(quote_identifier(attribute.column)) }} as attribute_value
    from leads
    {%- endfor %}

),

final as (

    select
        lead_id,
        attribute,
        attribute_value,
        {{ parse_number('attribute_value') }} as attribute_number

    from unpivoted

)

select * from final
