{% macro history_run_plan() %}
    {#-
        How the score history is built this run, as a dict:
        - daily: extend the history of the last run (its ledger, int_history_inputs_counted,
          and lead_score_history as it left them) by one day: when the incremental engagement
          state is on (DuckDB), this is no --full-refresh, and the last history was built as
          of the day before as_of with the same history_days and scorecard_fingerprint;
          otherwise (a first build, a gap of days, as_of again or backwards, another scorecard
          or history_days) the history is rebuilt: daily false;
        - changed_days: the event days before as_of whose number of input rows differs from
          the ledger (late events; the day of as_of is lead_scores'), as 'YYYY-MM-DD' texts;
        - leads_changed: the number of input lead rows differs from the ledger's.
    -#}
    {%- set plan = {'daily': false, 'changed_days': [], 'leads_changed': false} -%}
    {%- if not (execute and incremental_engagement_state() and history_days() > 0)
        or flags.FULL_REFRESH -%}
        {{ return(plan) }}
    {%- endif -%}
    {%- set history = model_relation('lead_score_history') -%}
    {%- set ledger = model_relation('int_history_inputs_counted') -%}
    {%- if history is none or ledger is none -%}
        {{ return(plan) }}
    {%- endif -%}
    {%- set last_run_query -%}
        with current_run as ({{ scorecard_fingerprint() }}),
        last_run as (
            select
                max(as_of_date) as as_of_date,
                max(history_days) as history_days,
                max(scorecard_fingerprint) as scorecard_fingerprint,
                max(lead_rows) as lead_rows
            from {{ ledger }}
        )
        select
            last_run.as_of_date = cast({{ dbt.dateadd('day', -1, as_of_date()) }} as date)
            and last_run.history_days = {{ history_days() }}
            and last_run.scorecard_fingerprint = current_run.scorecard_fingerprint,
            last_run.lead_rows <> (select count(*) from {{ ref('stg_leads') }})
        from last_run cross join current_run
    {%- endset -%}
    {%- set last_run = run_query(last_run_query).rows[0] -%}
    {%- if not last_run[0] -%}
        {{ return(plan) }}
    {%- endif -%}
    {%- set changed_query -%}
        with input_days as (
            select event_date, event_count from {{ ref('int_event_days_counted') }}
        ),
        ledger as (
            select event_date, event_count from {{ ledger }} where event_date is not null
        )
        select cast(coalesce(input_days.event_date, ledger.event_date) as {{ dbt.type_string() }})
        from input_days
        full outer join ledger on input_days.event_date = ledger.event_date
        where
            coalesce(input_days.event_date, ledger.event_date) < {{ as_of_date() }}
            and (
                input_days.event_count is null
                or ledger.event_count is null
                or input_days.event_count <> ledger.event_count
            )
        order by 1
    {%- endset -%}
    {%- do plan.update({
        'daily': true,
        'changed_days': run_query(changed_query).columns[0].values() | list,
        'leads_changed': last_run[1],
    }) -%}
    {{ return(plan) }}
{% endmacro %}
