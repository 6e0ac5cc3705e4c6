{% macro salesforce_custom_fields(table) %}
    {#-
        The custom fields of a connector table read by `salesforce_table`: its columns whose
        name ends in `_c` (Salesforce's `Lead_Score__c` lands as `lead_score_c` in Fivetran;
        a `__c` spelling is read the same way). Returns a list of {source_column,
        base_column, column}: the column as the table spells it; its name in the base model,
        `custom__<name>`; and its readable name in stg_salesforce__leads, an attribute a rule
        can name: lower case, the `_c` / `__c` suffix dropped, each run of other characters
        than a-z and 0-9 made one '_' (`Lead_Score__c` -> `lead_score`). A readable name that
        another column of stg_salesforce__leads (or a derived attribute: email_domain,
        region) already has keeps its suffix (`industry_c`); two fields that give the same
        name are numbered (`x_2`). Empty while parsing and in unit tests.
    -#}
    {%- set reserved = salesforce_lead_columns() + ['email_domain', 'region'] -%}
    {%- set fields = [] -%}
    {%- set taken = [] -%}
    {%- for name in table.inputs.extra if modules.re.search('_c$', name | trim | lower) -%}
        {%- set slug = modules.re.sub('[^a-z0-9]+', '_', name | trim | lower).strip('_') -%}
        {%- set stem = modules.re.sub('_+c$', '', slug).strip('_') or slug -%}
        {%- set readable = namespace(column=stem, number=1) -%}
        {%- if readable.column in reserved -%}
            {%- set readable.column = stem ~ '_c' -%}
        {%- endif -%}
        {%- set base = readable.column -%}
        {%- for _ in range(table.inputs.extra | length) if readable.column in taken or readable.column in reserved -%}
            {%- set readable.number = readable.number + 1 -%}
            {%- set readable.column = base ~ '_' ~ readable.number -%}
        {%- endfor -%}
        {%- do taken.append(readable.column) -%}
        {%- do fields.append({
            'source_column': name,
            'base_column': 'custom__' ~ readable.column,
            'column': readable.column,
        }) -%}
    {%- endfor -%}
    {{ return(fields) }}
{% endmacro %}
