{% macro check_vars() %}
    {#-
        on-run-start hook, first: the vars a user sets, checked before anything runs, each with
        a message that names the var and what it accepts. as_of: a calendar date YYYY-MM-DD
        (or empty: today). crm_source: not with raw_path (an unknown CRM stops the parse:
        crm_source). raw_schema: a schema name without quote characters (dbt writes a
        source's schema into SQL itself). raw_encoding: utf-8, utf-16 or latin-1.
        score_reasons_max, history_days: whole numbers >= 0. evaluation_horizon_days: a whole
        number >= 1; evaluation_cutoffs: dates YYYY-MM-DD (a list, or separated by commas).
        Returns no SQL.
    -#}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set problems = [] -%}
    {%- set as_of = var('as_of', none) -%}
    {%- if as_of is not none and (as_of | string | trim) != '' and not is_calendar_date(as_of | string | trim) -%}
        {%- do problems.append("as_of: '" ~ as_of ~ "' is not a date of the calendar in the form YYYY-MM-DD (e.g. 2026-03-15), or empty for today") -%}
    {%- endif -%}
    {%- set raw_schema = var('raw_schema', none) -%}
    {%- if raw_schema is not none and modules.re.search('["`\\x00-\\x1f]', raw_schema | string) -%}
        {%- do problems.append("raw_schema: '" ~ raw_schema ~ "' has a quote or control character; name a schema without them") -%}
    {%- endif -%}
    {#- an unknown crm_source stops the parse already (crm_source) -#}
    {%- if crm_source() is not none and var('raw_path', none) -%}
        {%- do problems.append("crm_source and raw_path are both set: a CRM's tables are read from raw_schema (default: the CRM's name); leave raw_path empty") -%}
    {%- endif -%}
    {%- set raw_encoding = var('raw_encoding', none) -%}
    {%- if raw_encoding is not none and (raw_encoding | string | lower) not in ['utf-8', 'utf-16', 'latin-1'] -%}
        {%- do problems.append("raw_encoding: '" ~ raw_encoding ~ "' is not one of utf-8, utf-16, latin-1") -%}
    {%- endif -%}
    {%- for name, default in [('score_reasons_max', 3), ('history_days', 365)] -%}
        {%- set value = var(name, default) | string -%}
        {%- if not modules.re.fullmatch('[0-9]+', value) -%}
            {%- do problems.append(name ~ ": '" ~ value ~ "' is not a whole number >= 0") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set horizon = var('evaluation_horizon_days', 90) | string -%}
    {%- if not modules.re.fullmatch('[0-9]+', horizon) or horizon | int < 1 -%}
        {%- do problems.append("evaluation_horizon_days: '" ~ horizon ~ "' is not a whole number >= 1") -%}
    {%- endif -%}
    {%- for cutoff in evaluation_cutoffs_var() if not is_calendar_date(cutoff) -%}
        {%- do problems.append("evaluation_cutoffs: '" ~ cutoff ~ "' is not a date of the calendar in the form YYYY-MM-DD (give a list of dates, or dates separated by commas)") -%}
    {%- endfor -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error('Invalid var(s), nothing was run:\n  - ' ~ problems | join('\n  - ')) }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
