{% macro lead_rule_attributes(rules_relation, leads_relation) %}
    {#-
        The lead attributes that active fit and exclusion rules name, among the columns of
        `leads_relation` (contract columns, extra source columns, derived attributes), sorted.
        Read from the built rules when the model runs; empty while parsing or when the
        relations do not exist yet (e.g. when sqlfluff renders the model). Attributes that are
        not columns are left out here and reported by the scorecard validation.
    -#}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if load_relation(rules_relation) is none or load_relation(leads_relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set columns = adapter.get_columns_in_relation(leads_relation) | map(attribute='name') | map('lower') | list -%}
    {%- set query -%}
        select distinct attribute
        from {{ rules_relation }}
        where is_active and dimension in ('fit', 'exclusion') and attribute is not null
        order by attribute
    {%- endset -%}
    {%- set named = run_query(query).columns[0].values() -%}
    {{ return(named | select('in', columns) | list) }}
{% endmacro %}
