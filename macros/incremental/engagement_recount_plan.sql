{% macro engagement_recount_plan(ledger_relation=none, check_engagement_keys=true) %}
    {#-
        What an incremental run of the engagement state (int_lead_engagement_dates_listed), of
        int_lead_events_contested or of int_event_ids_hashed (the model calling it) reads
        again, as a dict:
        - incremental: the calling model exists and this is not a --full-refresh run;
        - recount_all: read every day: a full build, no ledger yet, as_of moved backwards, and
          when check_engagement_keys: another scorecard_fingerprint (the engagement keys
          changed);
        - changed_days: the event days (as 'YYYY-MM-DD' texts) whose number of input rows
          dated on or before as_of differs from the ledger (new days, late-arriving events,
          copies arriving later, days that were after the last as_of);
        - recount_leads (when check_engagement_keys): the lead_ids whose every day is read
          again: the leads of the rows that lose to another row of their event_id among the
          ids re-ranked by this run (int_lead_events_contested) and are dated on or before the
          last run's as_of, because a row that counted before may have lost. More than
          max_recount_leads (10,000) such leads, an unusual day: recount_all instead, simpler
          than a literal list that long in every filter.
        The input's days are counted once per run (int_event_days_counted; a calling model
        that does not ref it in its SQL declares it with `-- depends_on:`).
        The ledger is the engagement state's (`ledger_relation`, default: the calling model):
        its rows `input_rows` of the last run. int_event_ids_hashed and
        int_lead_events_contested run before the state and read the state's last ledger too:
        when the state failed after them, they read again days they have read already, which
        changes nothing.
    -#}
    {%- set plan = {'incremental': false, 'recount_all': true, 'changed_days': [], 'recount_leads': []} -%}
    {%- if not (execute and is_incremental()) -%}
        {{ return(plan) }}
    {%- endif -%}
    {%- do plan.update({'incremental': true}) -%}
    {%- set ledger = ledger_relation if ledger_relation is not none else this -%}
    {%- if load_relation(ledger) is none -%}
        {{ return(plan) }}
    {%- endif -%}

    {%- set rebuild_query -%}
        {%- if check_engagement_keys %}
        with current_run as ({{ engagement_fingerprint() }}),
        {%- else %}
        with current_run as (select cast(null as {{ dbt.type_string() }}) as scorecard_fingerprint),
        {%- endif %}
        last_run as (
            select
                max(as_of_date) as as_of_date,
                max(scorecard_fingerprint) as scorecard_fingerprint,
                count(*) as ledger_days
            from {{ ledger }}
            where rule_key = 'input_rows'
        )
        select case
            when last_run.ledger_days = 0 then 1
            when last_run.as_of_date > {{ as_of_date() }} then 1
            when last_run.scorecard_fingerprint <> current_run.scorecard_fingerprint then 1
            else 0
        end,
        cast(last_run.as_of_date as {{ dbt.type_string() }})
        from last_run cross join current_run
    {%- endset -%}
    {%- set last_run_row = run_query(rebuild_query).rows[0] -%}
    {%- if last_run_row[0] != 0 -%}
        {{ return(plan) }}
    {%- endif -%}

    {%- set changed_query -%}
        with input_days as (
            select event_date, event_count from {{ ref('int_event_days_counted') }}
        ),
        ledger as (
            select event_date, event_count from {{ ledger }} where rule_key = 'input_rows'
        )
        select cast(coalesce(input_days.event_date, ledger.event_date) as {{ dbt.type_string() }})
        from input_days
        full outer join ledger on input_days.event_date = ledger.event_date
        where
            input_days.event_count is null
            or ledger.event_count is null
            or input_days.event_count <> ledger.event_count
        order by 1
    {%- endset -%}
    {%- do plan.update({
        'recount_all': false,
        'changed_days': run_query(changed_query).columns[0].values() | list,
    }) -%}
    {%- if not plan.changed_days or not check_engagement_keys -%}
        {{ return(plan) }}
    {%- endif -%}


    {#- a row that counted may lose to a new row of its event_id (int_lead_events_contested
        re-ranked every id with a row on a changed day): its match leaves its lead's lists,
        and a list that kept only its keep_count most recent dates may then need an older
        date it did not keep. The leads of the rows that lose in those ids are recounted from
        all their days (the new rows' leads are on the changed days anyway), unless the row
        is dated after the last run's as_of: it never counted. -#}
    {%- set lost_query -%}
        with reranked as (
            select distinct event_id
            from {{ ref('int_lead_events_contested') }}
            where {{ engagement_recount_filter(plan, 'occurred_at') }}
        )
        select distinct lead_id
        from {{ ref('int_lead_events_contested') }}
        where
            event_row_rank > 1
            and cast(occurred_at as date) <= cast('{{ last_run_row[1] }}' as date)
            and event_id in (select reranked.event_id from reranked)
        order by 1
    {%- endset -%}
    {%- set max_recount_leads = 10000 -%}
    {%- set recount_leads = run_query(lost_query).columns[0].values() | list -%}
    {%- if recount_leads | length > max_recount_leads -%}
        {%- do plan.update({'recount_all': true, 'changed_days': []}) -%}
    {%- else -%}
        {%- do plan.update({'recount_leads': recount_leads}) -%}
    {%- endif -%}
    {{ return(plan) }}
{% endmacro %}
