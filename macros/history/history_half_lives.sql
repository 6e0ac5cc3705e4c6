{% macro history_half_lives(rules_relation) %}
    {#-
        The distinct half-lives of the active decaying `each` rules of `rules_relation`
        (int_scorecard_rules_filtered), each with its class number and whether
        lead_score_history can sum its occurrences as one running total per lead: with the
        history's first day as reference, an occurrence is worth points * 2 ^ ((match day -
        first day) / half-life) times 2 ^ -((day - first day) / half-life), and the first
        factor must stay a finite double (history_days / half-life <= 1000). The days of a
        class that cannot (a half-life under about history_days / 1000 days) are scored
        exactly, one by one. Empty while parsing or before the relation exists.
    -#}
    {%- if not execute or load_relation(rules_relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        select distinct half_life_days
        from {{ rules_relation }}
        where dimension = 'engagement' and operator = 'each' and half_life_days is not null
        order by half_life_days
    {%- endset -%}
    {%- set classes = [] -%}
    {%- for half_life in run_query(query).columns[0].values() -%}
        {%- do classes.append({
            'number': loop.index,
            'half_life': half_life,
            'is_summed': history_days() / (half_life | float) <= 1000,
        }) -%}
    {%- endfor -%}
    {{ return(classes) }}
{% endmacro %}
