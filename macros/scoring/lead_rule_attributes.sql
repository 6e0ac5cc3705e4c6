{% macro lead_rule_attributes(rules_relation, lead_columns_relation) %}
    {#-
        The lead attributes (see `lead_attribute_columns`, as (attribute, column) pairs) that
        the rules of `rules_relation` (fit and exclusion rules that score) name, sorted by
        attribute. Read from the built rules when the model runs; empty while parsing or before
        the relations exist (e.g. when sqlfluff renders the model). Names that are no attribute
        are reported by the validation.
    -#}
    {%- set attributes = lead_attribute_columns(lead_columns_relation) -%}
    {%- if not execute or not attributes or load_relation(rules_relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        select distinct attribute
        from {{ rules_relation }}
        where dimension in ('fit', 'exclusion') and attribute is not null
    {%- endset -%}
    {%- set named = run_query(query).columns[0].values() -%}
    {{ return(attributes | selectattr('attribute', 'in', named) | sort(attribute='attribute') | list) }}
{% endmacro %}
