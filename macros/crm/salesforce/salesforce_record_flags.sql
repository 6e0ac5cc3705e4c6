{% macro salesforce_record_flags(table) -%}
    {#-
        The two flags every base model carries, from the columns Fivetran lands on every
        Salesforce table: `is_deleted` (Salesforce's IsDeleted: in the recycle bin, or merged
        away, then with master_record_id naming the survivor; or Fivetran's
        `_fivetran_deleted`: gone from Salesforce) and `is_current` (false for a row that
        history mode keeps as a past version: `_fivetran_active` false). Absent columns mean
        not deleted and current.
    -#}
    (
        coalesce({{ salesforce_column(table, 'is_deleted', 'boolean') }}, false)
        or coalesce({{ salesforce_column(table, '_fivetran_deleted', 'boolean') }}, false)
    ) as is_deleted,
    coalesce({{ salesforce_column(table, '_fivetran_active', 'boolean') }}, true) as is_current
{%- endmacro %}
