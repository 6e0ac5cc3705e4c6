{% macro crm_helper_materialized() %}
    {#-
        The materialization of a CRM adapter's shared helper models (those that resolve people
        and merges or classify rows, each read by several models of the adapter): a view,
        except on Spark, which plans a view's whole chain again at every reference (the
        Salesforce fixture's data_quality_issues took minutes to plan over views); a table there.
    -#}
    {{ return('table' if target.type == 'spark' else 'view') }}
{% endmacro %}
