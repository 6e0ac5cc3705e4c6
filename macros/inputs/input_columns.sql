{% macro input_columns(relation, columns, required=[], label=none) %}
    {#-
        How the columns of an input (a source table or a seed) are read. A column is found by
        its name trimmed and lower-cased, so 'Lead_ID' or ' email ' in a CRM export is the
        contract's lead_id or email. Returns a dict:
          found: contract column -> the column's name as the input spells it (none: absent);
          extra: the input's other columns, in its order, as they are spelled;
          missing: the `required` columns that are absent.
        An input column that two names match ('Email' and 'email ') is refused with a message
        that names `label` (default: the relation). When the relation cannot be looked at
        (parsing, a unit test's fixture) every contract column is taken as present under its
        own name. Staging reads the columns through `input_column`, which quotes the name.
    -#}
    {%- set names = relation_column_names(relation) -%}
    {%- if names is none -%}
        {%- set names = columns -%}
    {%- endif -%}
    {%- set found = {} -%}
    {%- set extra = [] -%}
    {%- set spelled = {} -%}
    {%- for name in names -%}
        {%- set key = name | trim | lower -%}
        {%- if key in spelled -%}
            {{ exceptions.raise_compiler_error(
                (label or relation) ~ ": the columns '" ~ spelled[key] ~ "' and '" ~ name
                ~ "' differ only in case or surrounding spaces; rename or remove one of them"
            ) }}
        {%- endif -%}
        {%- do spelled.update({key: name}) -%}
        {%- if key in columns -%}
            {%- do found.update({key: name}) -%}
        {%- else -%}
            {%- do extra.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set missing = [] -%}
    {%- for column in columns -%}
        {%- if column not in found -%}
            {%- do found.update({column: none}) -%}
            {%- if column in required -%}
                {%- do missing.append(column) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'found': found, 'extra': extra, 'missing': missing}) }}
{% endmacro %}
