"""The HubSpot adapter (models/staging/hubspot) end to end: Fivetran's HubSpot tables of
crm_fixtures/hubspot built with `crm_source: hubspot` on the shipped `default` scorecard, as of
2026-03-15, on every engine of LEAD_SCORING_TEST_ENGINES (default duckdb), with the same
expectations on each.

The fixture's people (contact.csv; every contact created 2025-10-01, more than 90 days before
as_of, so `eng_no_email_opened` applies, except 106, created 2026-03-01):
- 101 Alice, CEO, Software, United States, '50-100' employees (-> 50), custom property
  favorite_color: opens an email, clicks, gets one, submits 'Request a demo', has a meeting, a
  sales email, a note (not an activity), a connected call shared with 104, an open deal;
- 102 Bob, Marketing Manager, Education, Germany, '1-5' (-> 1): an unanswered call, an inactive
  one, an email delivered, an unsubscribe (STATUSCHANGE; no email_event_status_change table),
  an open that HubSpot filtered out (a bot), a closed-won deal that was deleted;
- 103 Carol: deleted in HubSpot, with an open and a form submission;
- 104 Dan, Head of Sales, Information Technology, CA, '1000+' (-> 1000): 105 was merged into
  him (property_hs_calculated_merged_vids): 105's email open, form submission (copied on 104
  too) and closed-won deal count for 104; an email to his additional address; customer since
  2026-03-02 (property_hs_lifecyclestage_customer_date);
- 106 Erin, Student Intern, Retail, US, '5-25' (-> 5): a bounce, a trial form, a connected call
  whose time is only on engagement_call (v3 API);
- 107 Frank of RivalScore (a competitor): a spam report;
- an email to nobody known, a meeting with an unknown contact (999).
Left out to prove absence is fine: the tables contact_merge_audit and
email_event_status_change, and the columns _fivetran_deleted of email_event and engagement,
property_hs_merged_object_ids, engagement_call's older disposition / status.

A second build, `hubspot_minimal` (crm_fixtures/hubspot/minimal; DuckDB and PostgreSQL, not
Spark: a Spark build takes minutes, and which tables and columns exist is read at compile
time, the same on every engine), has only the required tables, each with only its required
columns (and a job title, a timestamp): no engagement_call, email_event_click, deal tables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import background
import duckdb
import pytest
from crm import CrmBuild, build_crm, crm_job
from scenario import ENGINES, Row, _rows, build_env

from lead_scoring.load_raw import postgres_connection

SELECTED_ENGINES = [
    engine.strip()
    for engine in os.environ.get("LEAD_SCORING_TEST_ENGINES", "duckdb").split(",")
    if engine.strip()
]


@dataclass(frozen=True)
class HubspotBuild:
    """A CRM build, with the contract's staged events and the columns of the leads as the
    project reads them (views: not read on Spark, None)."""

    build: CrmBuild
    events: list[Row] | None
    lead_columns: list[Row] | None


def job_name(engine: str) -> str:
    return crm_job("hubspot", engine)


def _staging_rows(engine: str, env: dict[str, str], query: str) -> list[Row] | None:
    if engine == "duckdb":
        with duckdb.connect(env["LEAD_SCORING_DUCKDB_PATH"], read_only=True) as connection:
            return _rows(connection.execute(query.format(schema="main_staging")))
    if engine == "postgres":
        with postgres_connection(env) as connection, connection.cursor() as cursor:
            cursor.execute(query.format(schema=f'"{env["LEAD_SCORING_PG_SCHEMA"]}_staging"'))
            return _rows(cursor)
    return None


def _build(engine: str, workdir: Path) -> HubspotBuild:
    build = build_crm("hubspot", workdir, engine)
    # the environment build_crm ran with (its label is crm_<crm>_<workdir>)
    env = build_env(f"crm_hubspot_{workdir.name}", engine, workdir / "project", workdir)
    events = _staging_rows(
        engine,
        env,
        "select event_id, lead_id, event_type, event_detail from {schema}.stg_lead_events",
    )
    columns = _staging_rows(
        engine, env, "select attribute_name, column_kind from {schema}.stg_lead_columns"
    )
    return HubspotBuild(build, events, columns)


MINIMAL_FIXTURE = Path(__file__).resolve().parent / "crm_fixtures" / "hubspot" / "minimal"
# DuckDB only: which tables and columns exist is read when the models compile (the same
# macros on every engine), and the full fixture runs on every engine
MINIMAL_ENGINES = [engine for engine in SELECTED_ENGINES if engine == "duckdb"]


def minimal_job_name(engine: str) -> str:
    return f"crm_build:hubspot_minimal:{engine}"


def _build_minimal(engine: str, workdir: Path) -> CrmBuild:
    return build_crm("hubspot", workdir, engine, fixture=MINIMAL_FIXTURE)


for _engine in SELECTED_ENGINES:
    # Spark first (priority -2): its build takes minutes
    background.job(job_name(_engine), priority=-ENGINES.index(_engine))(partial(_build, _engine))
for _engine in MINIMAL_ENGINES:
    background.job(minimal_job_name(_engine), priority=-ENGINES.index(_engine))(
        partial(_build_minimal, _engine)
    )


@background.needs
def _builds_needed(item: Any) -> set[str]:
    callspec = getattr(item, "callspec", None)
    fixtures = getattr(item, "fixturenames", ())
    if callspec is None:
        return set()
    needed = set()
    if "hubspot" in fixtures:
        needed.add(job_name(callspec.params["hubspot"]))
    if "hubspot_minimal" in fixtures:
        needed.add(minimal_job_name(callspec.params["hubspot_minimal"]))
    return needed


@pytest.fixture(scope="module", params=SELECTED_ENGINES)
def hubspot(request: pytest.FixtureRequest) -> HubspotBuild:
    result: HubspotBuild = background.result(job_name(request.param))
    return result


@pytest.fixture(scope="module", params=MINIMAL_ENGINES)
def hubspot_minimal(request: pytest.FixtureRequest) -> CrmBuild:
    result: CrmBuild = background.result(minimal_job_name(request.param))
    return result


# lead_id -> (fit_score, engagement_score, total_score, tier, fit_grade, engagement_level,
# is_mql, is_sql, is_excluded, exclusion_reason); every event is on the as_of day (no decay)
# unless said
EXPECTED_SCORES = {
    # fit: CEO 15 + Software 10 + United States (North America) 10 + '50-100' -> 50 (target
    # size 50-5000) 10 = 45; engagement: email open 5 + 'Request a demo' form 20 + meeting 15
    # + connected call 10 = 50 (click, sent, sales email, scored by no rule); total 95: hot,
    # SQL (>= 60); level 1 (>= 50)
    "101": (45, 50, 95, "hot", "A", 1, True, True, False, None),
    # fit: Manager 5 + Education 5 + Germany (Europe) 5 + '1-5' -> 1 (micro, < 10) -5 = 10;
    # engagement: unanswered call 5 days ago -15 (no decay) + unsubscribe -20 + no email
    # opened in 90 days -10 (the one open was filtered out by HubSpot) = -45 -> 0; total -35
    # -> 0: cold, grade C (fit 10)
    "102": (10, 0, 0, "cold", "C", 4, False, False, False, None),
    # fit: Head of Sales (Director) 10 + Information Technology 10 + CA (North America) 10 +
    # '1000+' -> 1000 (target) 10 = 40; engagement: the open of merged 105's address 5 +
    # 'Contact us' form 2 days ago 20 x 0.5^(2/30) = 19.0968 + connected call 10 = 34.0968
    # -> 34; total 74.0968 -> 74: hot, SQL; level 2 (>= 30)
    "104": (40, 34, 74, "hot", "A", 2, True, True, False, None),
    # fit: Student -10 + US (North America) 10 + '5-25' -> 5 (micro) -5 = -5 -> 0 (not dead:
    # -5 >= -10); engagement: 'Start a free trial' form 20 + connected call a day ago
    # 10 x 0.5^(1/30) = 9.7716 + bounce -10 = 19.7716 -> 20 (created 14 days ago: no
    # "no email opened" rule); total 14.7716 -> 15: cold, grade D, level 3 (>= 10)
    "106": (0, 20, 15, "cold", "D", 3, False, False, False, None),
    # RivalScore: excluded (competitor company, the smallest of the two matching exclusion
    # rule ids); fit: Director 10; engagement: no email opened -10 -> 0 (the spam report is
    # scored by no rule); total 0, dead
    "107": (10, 0, 0, "dead", "C", 4, False, False, True, "excl_competitor_company"),
}
SCORE_COLUMNS = (
    "fit_score",
    "engagement_score",
    "total_score",
    "tier",
    "fit_grade",
    "engagement_level",
    "is_mql",
    "is_sql",
    "is_excluded",
    "exclusion_reason",
)


def test_scores(hubspot: HubspotBuild) -> None:
    # the deleted 103 and the merged 105 are no leads
    actual = {
        lead_id: tuple(row[column] for column in SCORE_COLUMNS)
        for lead_id, row in hubspot.build.scores.items()
    }
    assert actual == EXPECTED_SCORES


def test_breakdown(hubspot: HubspotBuild) -> None:
    if hubspot.build.breakdown is None:
        pytest.skip("the breakdown is not built on Spark (crm.build_crm)")
    points = {
        lead_id: {
            rule: Decimal(row["points"]).quantize(Decimal("0.0001")) for rule, row in rules.items()
        }
        for lead_id, rules in hubspot.build.breakdown.items()
    }
    assert points["101"] == {
        "fit_title_ceo": Decimal("15.0000"),
        "fit_industry_technology": Decimal("10.0000"),
        "fit_region_north_america": Decimal("10.0000"),
        "fit_size_target": Decimal("10.0000"),  # '50-100' read as 50
        "eng_email_opened": Decimal("5.0000"),  # 'Alice@ACME.io' is alice@acme.io
        "eng_form_demo": Decimal("20.0000"),  # 'Request a demo https://www.example.com/demo'
        "eng_meeting": Decimal("15.0000"),
        "eng_call_connected": Decimal("10.0000"),  # disposition Connected
    }
    # the merged 105's open counts for 104; the form submission copied on both counts once
    assert points["104"]["eng_email_opened"] == Decimal("5.0000")
    assert points["104"]["eng_form_contact"] == Decimal("19.0968")  # 20 x 0.5^(2/30)
    assert hubspot.build.breakdown["104"]["eng_form_contact"]["occurrences"] == 1
    # 'No answer' is an unanswered call; the inactive second call is left out
    assert points["102"]["eng_call_unanswered"] == Decimal("-15.0000")
    assert points["102"]["eng_unsubscribe"] == Decimal("-20.0000")
    assert points["102"]["eng_no_email_opened"] == Decimal("-10.0000")
    assert points["102"]["fit_size_micro"] == Decimal("-5.0000")  # '1-5' read as 1
    # the call's time from engagement_call (the engagement has none): 2026-03-14
    assert hubspot.build.breakdown["106"]["eng_call_connected"]["last_event_date"].isoformat() == (
        "2026-03-14"
    )
    assert points["106"]["eng_email_bounce"] == Decimal("-10.0000")


# (source_name, source_key, lead_id, issue_code) of every row the adapter leaves out
EXPECTED_LEFT_OUT = {
    ("hubspot.contact", "103", "103", "deleted_in_crm"),
    ("hubspot.contact", "105", "104", "merged_into_other"),  # also deleted: merged wins
    ("hubspot.email_event", "ee05", "102", "filtered_by_hubspot"),
    ("hubspot.email_event", "ee06", "103", "lead_deleted_in_crm"),
    ("hubspot.email_event", "ee09", None, "no_lead"),  # stranger@nowhere.example
    ("hubspot.contact_form_submission", "cv-3", "103", "lead_deleted_in_crm"),
    # the copy on the merged 105; the one on 104 is kept
    ("hubspot.contact_form_submission", "cv-5", "104", "merged_duplicate"),
    ("hubspot.engagement", "9003", None, "not_an_activity"),  # a NOTE
    ("hubspot.engagement", "9005", None, "inactive_in_crm"),  # active = false
    ("hubspot.engagement", "9007", None, "no_lead"),  # contact 999 is no contact
    ("hubspot.deal", "7002", None, "not_closed_won"),  # Appointment scheduled
    ("hubspot.deal", "7003", None, "deleted_in_crm"),
}


def test_rows_left_out(hubspot: HubspotBuild) -> None:
    issues = hubspot.build.issues
    left_out = {
        (row["source_name"], row["source_key"], row["lead_id"], row["issue_code"])
        for row in issues
        if row["source_name"].startswith("hubspot.")
    }
    assert left_out == EXPECTED_LEFT_OUT
    assert all(
        row["is_row_left_out"] for row in issues if row["source_name"].startswith("hubspot.")
    )
    # the contract's staging finds nothing more to report: every row passed on is usable
    assert [row for row in issues if not row["source_name"].startswith("hubspot.")] == []
    descriptions = {row["source_key"]: row["issue_description"] for row in issues}
    assert descriptions["105"] == (
        "the contact '105' was merged into the contact '104' in HubSpot: its activities count"
        " for that one"
    )
    assert descriptions["ee09"] == (
        "the recipient 'stranger@nowhere.example' of the email event 'ee09' is the email"
        " address of no HubSpot contact"
    )
    assert descriptions["7002"] == (
        "the deal '7002' is in the stage 'Appointment scheduled', not a closed-won stage: no"
        " conversion"
    )


# source_name -> (input_rows, scored_rows, reported_rows): input = scored (mapped) + reported
EXPECTED_RECONCILIATION = {
    "hubspot.contact": (7, 5, 2),  # 103 deleted, 105 merged
    # 12 events; the filtered open, Carol's, the stranger's left out
    "hubspot.email_event": (12, 9, 3),
    "hubspot.contact_form_submission": (5, 3, 2),
    # 8 engagements: the note, the inactive call, the unknown contact's meeting left out
    "hubspot.engagement": (8, 5, 3),
    "hubspot.deal": (3, 1, 2),
    "leads": (5, 5, 0),
    # 9 email events + 3 forms + 6 engagement events (the call 9008 is one for 101, one for 104)
    "lead_events": (18, 18, 0),
}


def test_reconciliation(hubspot: HubspotBuild) -> None:
    actual = {
        name: (row["input_rows"], row["scored_rows"], row["reported_rows"])
        for name, row in hubspot.build.reconciliation.items()
    }
    assert actual == EXPECTED_RECONCILIATION


def test_conversions(hubspot: HubspotBuild) -> None:
    if hubspot.build.conversions is None:
        pytest.skip("stg_conversions is not read on Spark")
    assert sorted((row["lead_id"], row["converted_at"]) for row in hubspot.build.conversions) == [
        # the closed-won deal 7001 of the merged 105, on its close date
        ("104", datetime(2026, 3, 1, 15, 0)),
        # property_hs_lifecyclestage_customer_date
        ("104", datetime(2026, 3, 2, 12, 0)),
    ]


# event_id -> (lead_id, event_type, event_detail) of the contract's staged events
EXPECTED_EVENTS = {
    "email_event:ee01": ("101", "email_open", "5001"),  # detail: the email campaign
    "email_event:ee02": (
        "101",
        "email_click",
        "https://www.example.com/pricing?utm_source=hubspot",
    ),
    "email_event:ee10": ("101", "email_sent", "5001"),
    "email_event:ee03": ("102", "email_delivered", "5002"),
    "email_event:ee04": ("102", "unsubscribe", "5002"),  # STATUSCHANGE
    "email_event:ee07": ("104", "email_open", "5001"),  # to the merged 105's address
    "email_event:ee12": ("104", "email_delivered", "5001"),  # to 104's additional address
    "email_event:ee08": ("106", "email_bounce", "5001"),
    "email_event:ee11": ("107", "hubspot_email_spamreport", "5001"),
    "contact_form_submission:cv-1": (
        "101",
        "form_submit",
        "Request a demo https://www.example.com/demo",
    ),
    "contact_form_submission:cv-5": (
        "104",
        "form_submit",
        "Contact us https://www.example.com/contact",
    ),
    "contact_form_submission:cv-6": (
        "106",
        "form_submit",
        "Start a free trial https://www.example.com/trial",
    ),
    "engagement:9001:101": ("101", "meeting", None),
    "engagement:9002:101": ("101", "sales_email", None),
    "engagement:9008:101": ("101", "call", "connected"),
    "engagement:9008:104": ("104", "call", "connected"),
    "engagement:9004:102": ("102", "call_unanswered", "no answer"),
    "engagement:9006:106": ("106", "call", "connected"),
}


def test_event_mapping(hubspot: HubspotBuild) -> None:
    if hubspot.events is None:
        pytest.skip("the staging views are not read on Spark")
    actual = {
        row["event_id"]: (row["lead_id"], row["event_type"], row["event_detail"])
        for row in hubspot.events
    }
    assert actual == EXPECTED_EVENTS


def test_attributes(hubspot: HubspotBuild) -> None:
    if hubspot.lead_columns is None:
        pytest.skip("the staging views are not read on Spark")
    extra = {row["attribute_name"] for row in hubspot.lead_columns if row["column_kind"] == "extra"}
    # the standard attributes, and every other property_* column without its prefix (the
    # custom favorite_color, scored by no rule); the merge lists and dates are read, not passed
    assert extra == {
        "company_size_range",
        "lifecycle_stage",
        "lead_status",
        "lead_source",
        "firstname",
        "lastname",
        "favorite_color",
    }


def test_only_the_required_tables_and_columns(hubspot_minimal: CrmBuild) -> None:
    scores = {
        lead_id: (row["fit_score"], row["engagement_score"], row["total_score"], row["tier"])
        for lead_id, row in hubspot_minimal.scores.items()
    }
    assert scores == {
        # CEO 15; the open 5 (the call, of no known outcome without engagement_call, is
        # hubspot_call: scored by no rule); total 20, cold
        "201": (15, 5, 20, "cold"),
        # the unsubscribe (STATUSCHANGE) -20 + the meeting 15 = -5 -> 0; the form without a
        # title or URL matches no form rule; created 5 days ago: no "no email opened" rule
        "202": (0, 0, 0, "cold"),
    }
    assert hubspot_minimal.issues == []
    actual = {
        name: (row["input_rows"], row["scored_rows"], row["reported_rows"])
        for name, row in hubspot_minimal.reconciliation.items()
    }
    assert actual == {
        "hubspot.contact": (2, 2, 0),
        "hubspot.email_event": (3, 3, 0),
        "hubspot.contact_form_submission": (1, 1, 0),
        "hubspot.engagement": (2, 2, 0),
        "hubspot.deal": (0, 0, 0),  # no deal table
        "leads": (2, 2, 0),
        "lead_events": (6, 6, 0),
    }
    assert hubspot_minimal.conversions in ([], None)
