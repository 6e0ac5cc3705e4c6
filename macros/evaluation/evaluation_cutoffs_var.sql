{% macro evaluation_cutoffs_var() %}
    {#-
        The var evaluation_cutoffs as a list of trimmed texts, each once, in the var's order:
        a YAML list (its dates or texts), one text of values separated by commas, or one date;
        [] when it is unset or empty. check_vars checks that each is a date YYYY-MM-DD.
    -#}
    {%- set value = var('evaluation_cutoffs', none) -%}
    {%- if value is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if value is string -%}
        {%- set value = value.split(',') -%}
    {%- elif value is not iterable or value is mapping -%}
        {%- set value = [value] -%}
    {%- endif -%}
    {%- set texts = [] -%}
    {%- for item in value if (item | string | trim) != '' and (item | string | trim) not in texts -%}
        {%- do texts.append(item | string | trim) -%}
    {%- endfor -%}
    {{ return(texts) }}
{% endmacro %}
