{% macro model_relation(model_name) %}
    {#-
        The relation of the project's model `model_name` as it is in the database, or none
        (not built yet, or while parsing): found through the graph, not ref(), for a model that
        reads what an earlier run of a model downstream of it left (the score history's daily
        runs), which a ref would make a cycle.
    -#}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.name == model_name -%}
        {{ return(adapter.get_relation(
            database=node.database, schema=node.schema, identifier=node.alias or node.name
        )) }}
    {%- endfor -%}
    {{ return(none) }}
{% endmacro %}
