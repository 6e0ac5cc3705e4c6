{#-
    One row per contact merged into another: merged_contact_id (the contact merged away) and
    lead_id (the contact it lives on as, the lead). From the contacts' merge lists
    (property_hs_calculated_merged_vids '<vid>:<epoch ms>;...', property_hs_merged_object_ids
    '<vid>;...') and the optional contact_merge_audit table. A contact merged into two is
    taken as merged into the smallest id; a chain (A into B, B into C) is followed two steps
    (A and B live on as C); a contact listed as merged into itself is ignored.
-#}
{{ config(enabled=is_crm_enabled('hubspot'), materialized=crm_helper_materialized()) }}
with

contacts as (

    select * from {{ ref('base_hubspot__contact') }}

),

merge_audit as (

    select * from {{ ref('base_hubspot__contact_merge_audit') }}

),

merged_vids as (

    select
        contact_id as canonical_contact_id,
        {{ unnest_list("replace(merged_vids, ';', '|')") }} as element

    from contacts
    where merged_vids is not null

),

merged_object_ids as (

    select
        contact_id as canonical_contact_id,
        {{ unnest_list("replace(merged_object_ids, ';', '|')") }} as element

    from contacts
    where merged_object_ids is not null

),

pairs as (

    select
        canonical_contact_id,
        {{ clean_text(dbt.split_part('element', "':'", 1)) }} as merged_contact_id
    from merged_vids

    union all

    select
        canonical_contact_id,
        {{ clean_text('element') }} as merged_contact_id
    from merged_object_ids

    union all

    select
        canonical_contact_id,
        merged_contact_id
    from merge_audit

),

one_step as (

    select
        merged_contact_id,
        min(canonical_contact_id) as canonical_contact_id

    from pairs
    where
        merged_contact_id is not null
        and canonical_contact_id is not null
        and merged_contact_id <> canonical_contact_id
    group by merged_contact_id

),

final as (

    select
        one_step.merged_contact_id,
        coalesce(second_step.canonical_contact_id, one_step.canonical_contact_id) as lead_id

    from one_step
    left join one_step as second_step
        on
            one_step.canonical_contact_id = second_step.merged_contact_id
            and one_step.merged_contact_id <> second_step.canonical_contact_id

)

select * from final
