{#-
    The columns of the leads source and how the project reads them: one row per contract
    column (SCORING.md §1; present or not) and per other column of the source. A rule's
    `attribute` names a column by attribute_name: the source's own spelling, trimmed and
    lower-cased ('Lead Source' -> 'lead source'); stg_leads holds it as staging_column.
    Built from the source's column names when the model is compiled (lead_input_columns),
    so it follows the file or table of the run.
-#}
{%- set leads = lead_input_columns() -%}
{%- set null_text = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}
{%- set rows = [] -%}
{%- for column, source_column in leads.found.items() -%}
    {%- do rows.append({
        'source_column': source_column,
        'staging_column': 'created_at_text' if column == 'created_at' else column,
        'attribute_name': none if column in ['lead_id', 'created_at'] else string_literal(column),
        'column_kind': 'key' if column in ['lead_id', 'created_at'] else 'contract',
    }) -%}
{%- endfor -%}
{%- for column in leads.extra -%}
    {%- do rows.append({
        'source_column': column.source_column,
        'staging_column': column.staging_column,
        'attribute_name': none if column.is_shadowed else 'lower(trim(' ~ string_literal(column.source_column) ~ '))',
        'column_kind': 'shadowed' if column.is_shadowed else 'extra',
    }) -%}
{%- endfor %}

with

columns_listed as (
    {%- for row in rows %}

    select
        {{ string_literal(row.source_column) if row.source_column is not none else null_text }} as source_column,
        {{ string_literal(row.staging_column) }} as staging_column,
        {{ row.attribute_name or null_text }} as attribute_name,
        {{ string_literal(row.column_kind) }} as column_kind,
        {{ loop.index }} as column_position
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select * from columns_listed

)

select * from final
