{% macro lead_input_columns() %}
    {#-
        How stg_leads reads the columns of the leads source (`source_columns`: contract
        columns found by their trimmed, lower-cased name; lead_id and created_at required),
        plus, for every other column, the name it gets in stg_leads: `extra__` and the name
        in lower case with each run of other characters than a-z and 0-9 made one '_', cut to
        40 characters, numbered when two names give the same one ('Lead Source' ->
        extra__lead_source, 'a b' and 'a-b' -> extra__a_b and extra__a_b_2, 'país' ->
        extra__pa_s). The prefix keeps an input's column from ever standing for a column the
        project derives (email_domain, region, lead_age_days, row_hash): a rule names an
        extra column as the file spells it (stg_lead_columns), never by this name. An input
        column named like a derived attribute (email_domain, region) is kept but is no
        attribute: the derived value is (is_shadowed).
        Returns {found, extra: [{source_column, staging_column, is_shadowed}]}.
    -#}
    {%- set columns = [
        'lead_id', 'email', 'job_title', 'industry', 'company_name', 'company_size',
        'annual_revenue', 'country', 'created_at',
    ] -%}
    {%- set inputs = source_columns(raw_input('leads'), columns, ['lead_id', 'created_at']) -%}
    {%- set taken = [] -%}
    {%- set extra = [] -%}
    {%- for name in inputs.extra -%}
        {%- set slug = modules.re.sub('[^a-z0-9]+', '_', name | lower).strip('_')[:40] or 'column' -%}
        {%- set staging = namespace(column='extra__' ~ slug, number=1) -%}
        {%- for _ in range(inputs.extra | length) if staging.column in taken -%}
            {%- set staging.number = staging.number + 1 -%}
            {%- set staging.column = 'extra__' ~ slug ~ '_' ~ staging.number -%}
        {%- endfor -%}
        {%- do taken.append(staging.column) -%}
        {%- do extra.append({
            'source_column': name,
            'staging_column': staging.column,
            'is_shadowed': (name | trim | lower) in ['email_domain', 'region'],
        }) -%}
    {%- endfor -%}
    {{ return({'found': inputs.found, 'extra': extra}) }}
{% endmacro %}
