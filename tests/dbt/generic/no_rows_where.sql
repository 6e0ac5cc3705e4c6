{% test no_rows_where(model, condition) %}
    {#-
        Fails (or warns, with severity: warn) with the number of rows of `model` for which
        `condition` holds. Used to surface data-quality counts in `dbt build` output.
    -#}
    select *
    from {{ model }}
    where {{ condition }}
{% endtest %}
