{% macro create_helper_functions() %}
    {#-
        on-run-start hook: SQL functions an engine lacks. PostgreSQL has no try_cast, so
        `lead_scoring_try_timestamp(text)` returns null for a text that is no valid timestamp
        (used by parse_timestamp). Other engines need none.
    -#}
    {{ return(adapter.dispatch('create_helper_functions', 'lead_scoring')()) }}
{% endmacro %}

{% macro default__create_helper_functions() %}
    {{ return('') }}
{% endmacro %}

{% macro postgres__create_helper_functions() %}
    create schema if not exists {{ target.schema }};
    create or replace function {{ target.schema }}.lead_scoring_try_timestamp(value text)
    returns timestamp language plpgsql immutable as $$
    begin
        return value::timestamp;
    exception when others then
        return null;
    end;
    $$;
{% endmacro %}
