{% macro salesforce_table(name, columns) %}
    {#-
        How a base model reads the Fivetran Salesforce table `name` (source `salesforce`):
        {relation, present, inputs}. `inputs` is `source_columns` of the table for `columns`
        (its `id` required; every other column optional: one org's connector lands a field
        another's lacks, and an absent column is a typed null through `salesforce_column`).
        A table the connector has not synced (not selected in Fivetran) is `present: false`:
        its base model is empty, with every column null (`salesforce_rows`), so no optional
        table breaks the build; stg_salesforce__leads refuses a schema with neither `lead`
        nor `contact`.
    -#}
    {%- set relation = source('salesforce', name) -%}
    {%- set present = crm_table_exists(relation) -%}
    {%- if present -%}
        {%- set inputs = source_columns(relation, columns, ['id']) -%}
    {%- else -%}
        {%- set found = {} -%}
        {%- for column in columns -%}
            {%- do found.update({column: none}) -%}
        {%- endfor -%}
        {%- set inputs = {'found': found, 'extra': [], 'missing': []} -%}
    {%- endif -%}
    {{ return({'name': name, 'relation': relation, 'present': present, 'inputs': inputs}) }}
{% endmacro %}
