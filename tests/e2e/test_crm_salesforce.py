"""The Salesforce adapter (models/staging/salesforce) end to end: the Fivetran connector tables
of crm_fixtures/salesforce built with `crm_source: salesforce`, scored on the shipped `default`
scorecard as of 2026-03-15 (every scored activity is on that day or has no half-life: no decay),
on every engine of LEAD_SCORING_TEST_ENGINES (default duckdb), with the same expectations.

The people of the fixture (ids: lead 00Q..., contact 003..., account 001...):
- 00Q...1 Ada, an unconverted lead; the lead 00Q...5 was merged into it (its task counts here).
- 00Q...2 Grace, a lead converted into contact 003...2 (account 001...1 Globex): one person
  under the lead's id, the contact's and account's values first; the later lead 00Q...7 was
  converted into the same contact (its call counts here).
- 003...3 Lin, a contact that was never a lead (account 001...2 Initech); the contact 003...8
  was merged into it (its meeting counts here).
- 00Q...6 Sam, an old lead, a student, who did nothing.
- 00Q...4 a deleted lead; 00Q...99 no lead or contact at all (a task names it).
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
from crm import CrmBuild, build_crm
from scenario import ENGINES, Row, _rows, build_env

from lead_scoring.load_raw import postgres_connection

SELECTED_ENGINES = [
    engine.strip()
    for engine in os.environ.get("LEAD_SCORING_TEST_ENGINES", "duckdb").split(",")
    if engine.strip()
]
ADA, GRACE, LIN, SAM = (
    "00Q000000000001AAA",
    "00Q000000000002AAA",
    "003000000000003AAA",
    "00Q000000000006AAA",
)
UNKNOWN = "00Q000000000099AAA"


@dataclass(frozen=True)
class SalesforceBuild:
    """The marts of the build, and the adapter's own staging views (None on Spark, whose
    views live in the metastore of the build's session)."""

    build: CrmBuild
    leads: dict[str, Row] | None
    events: dict[str, Row] | None


def job_name(engine: str) -> str:
    return f"crm_build:salesforce:{engine}"


def _staging_rows(engine: str, env: dict[str, str], model: str) -> list[Row] | None:
    query = "select * from {schema}." + model
    if engine == "duckdb":
        with duckdb.connect(env["LEAD_SCORING_DUCKDB_PATH"], read_only=True) as connection:
            return _rows(connection.execute(query.format(schema="main_staging")))
    if engine == "postgres":
        with postgres_connection(env) as connection, connection.cursor() as cursor:
            cursor.execute(query.format(schema=f'"{env["LEAD_SCORING_PG_SCHEMA"]}_staging"'))
            return _rows(cursor)
    return None


def _build(engine: str, workdir: Path) -> SalesforceBuild:
    build = build_crm("salesforce", workdir, engine)
    # the environment build_crm ran with (its label is crm_<crm>_<workdir>)
    env = build_env(f"crm_salesforce_{workdir.name}", engine, workdir / "project", workdir)
    leads = _staging_rows(engine, env, "stg_salesforce__leads")
    events = _staging_rows(engine, env, "stg_salesforce__lead_events")
    return SalesforceBuild(
        build=build,
        leads=None if leads is None else {row["lead_id"]: row for row in leads},
        events=None if events is None else {row["event_id"]: row for row in events},
    )


# not on Spark: a Spark build takes minutes of the suite's time, and test_crm_hubspot.py checks
# an adapter on Spark (this adapter's build there gave the same figures, measured 2026-12-07)
SALESFORCE_ENGINES = [engine for engine in SELECTED_ENGINES if engine != "spark"]

for _engine in SALESFORCE_ENGINES:
    background.job(job_name(_engine), priority=-ENGINES.index(_engine))(partial(_build, _engine))


@background.needs
def _builds_needed(item: Any) -> set[str]:
    callspec = getattr(item, "callspec", None)
    if "salesforce_build" not in getattr(item, "fixturenames", ()) or callspec is None:
        return set()
    return {job_name(callspec.params["salesforce_build"])}


@pytest.fixture(scope="module", params=SALESFORCE_ENGINES)
def salesforce_build(request: pytest.FixtureRequest) -> SalesforceBuild:
    result: SalesforceBuild = background.result(job_name(request.param))
    return result


def staged(build: SalesforceBuild, view: str) -> Any:
    """A staging view of the build; skips the test on Spark (not read there)."""
    rows = getattr(build, view)
    if rows is None:
        pytest.skip(f"{build.build.engine}: the staging views are not read")
    return rows


def points(build: SalesforceBuild, lead_id: str) -> dict[str, Decimal]:
    assert build.build.breakdown is not None  # not on Spark, where this module does not run
    return {
        rule_id: Decimal(row["points"]).quantize(Decimal("0.01"))
        for rule_id, row in build.build.breakdown[lead_id].items()
    }


def test_the_people_scored(salesforce_build: SalesforceBuild) -> None:
    # the deleted lead 00Q...4, the merged-away 00Q...5 and 003...8, the second converted
    # lead 00Q...7 and Grace's contact are no people of their own
    assert set(salesforce_build.build.scores) == {ADA, GRACE, LIN, SAM}


def test_an_unconverted_lead(salesforce_build: SalesforceBuild) -> None:
    # fit: Director +10, Software +10, United States (North America) +10, 250 employees +10
    # engagement: Spring webinar response today +15, the 'No answer' call of 03-10 -15 (no
    # decay); the deleted second call does not count; the sales emails (its own and the
    # merged lead's) score nothing; created 14 days ago: no 'no email opened' rule yet
    assert points(salesforce_build, ADA) == {
        "fit_title_director": 10,
        "fit_industry_technology": 10,
        "fit_region_north_america": 10,
        "fit_size_target": 10,
        "eng_webinar_attended": 15,
        "eng_call_unanswered": -15,
    }
    score = salesforce_build.build.scores[ADA]
    # 40 + 0 = 40: warm (30..59), an MQL (>= 30, fit >= 10), no SQL (< 60, no meeting)
    assert (score["fit_score"], score["engagement_score"], score["total_score"]) == (40, 0, 40)
    assert (score["tier"], score["is_mql"], score["is_sql"]) == ("warm", True, False)


def test_a_converted_lead_is_one_person_with_its_contact(
    salesforce_build: SalesforceBuild,
) -> None:
    lead = staged(salesforce_build, "leads")[GRACE]
    # the contact's title and country, the account's company fields win over the lead's
    # (Marketing Manager, Globex Corp, Manufacturing, 40, Germany)
    assert (lead["job_title"], lead["company_name"], lead["industry"]) == (
        "Chief Executive Officer",
        "Globex",
        "Technology",
    )
    assert (lead["company_size"], lead["country"], lead["email"]) == (
        "1200",
        "Canada",
        "grace.hopper@globex.example",
    )
    assert (lead["salesforce_contact_id"], lead["salesforce_account_id"]) == (
        "003000000000002AAA",
        "001000000000001AAA",
    )
    # created when the lead was (2025-11-01), 134 days before as_of
    assert lead["created_at"] == datetime(2025, 11, 1, 9, 0)
    # fit: CEO +15, Technology +10, Canada +10, 1200 employees +10 = 45
    # engagement: Expo 2026 (trade show, the member names lead and contact) +10, the meeting
    # with the lead today +15, the connected call with the contact today +10 (its subject's
    # 'voicemail' does not count: the disposition says Connected), the busy call logged on
    # the second lead 00Q...7 -15, no email opened in 90 days -10 = 10
    assert points(salesforce_build, GRACE) == {
        "fit_title_ceo": 15,
        "fit_industry_technology": 10,
        "fit_region_north_america": 10,
        "fit_size_target": 10,
        "eng_event_attended": 10,
        "eng_meeting": 15,
        "eng_call_connected": 10,
        "eng_call_unanswered": -15,
        "eng_no_email_opened": -10,
    }
    score = salesforce_build.build.scores[GRACE]
    # 45 + 10 = 55: warm; an SQL through the meeting (a trigger within 14 days)
    assert (score["fit_score"], score["engagement_score"], score["total_score"]) == (45, 10, 55)
    assert (score["tier"], score["is_mql"], score["is_sql"]) == ("warm", True, True)


def test_a_contact_that_was_never_a_lead(salesforce_build: SalesforceBuild) -> None:
    # fit: 'Founder & CEO' +15, Education +5, France (Europe) +5, 8 employees -5 = 20
    # engagement: two webinars +15 +15 (max 2), Data Conference +10, the kickoff meeting
    # with the merged-away contact 003...8 +15 = 55; the list email and the cadence step
    # score nothing
    assert points(salesforce_build, LIN) == {
        "fit_title_ceo": 15,
        "fit_industry_education": 5,
        "fit_region_europe": 5,
        "fit_size_micro": -5,
        "eng_webinar_attended": 30,
        "eng_event_attended": 10,
        "eng_meeting": 15,
    }
    score = salesforce_build.build.scores[LIN]
    # 20 + 55 = 75: hot, an SQL (>= 60); grade B (20..29), level 1 (>= 50)
    assert (score["total_score"], score["tier"], score["is_sql"]) == (75, "hot", True)
    assert score["matrix_cell"] == "B1"


def test_an_inactive_student(salesforce_build: SalesforceBuild) -> None:
    # fit: Student -10, Higher Education +5, Spain (Europe) +5, 30000 employees 0 = 0;
    # engagement: created 2025-10-01, no email opened in 90 days -10 (the open task and the
    # newsletter it did not respond to are no activities): total 0, cold (fit 0 is not < -10)
    assert points(salesforce_build, SAM) == {
        "fit_persona_student": -10,
        "fit_industry_education": 5,
        "fit_region_europe": 5,
        "eng_no_email_opened": -10,
    }
    score = salesforce_build.build.scores[SAM]
    assert (score["total_score"], score["tier"], score["is_mql"]) == (0, "cold", False)


def test_standard_and_custom_fields_are_attributes(salesforce_build: SalesforceBuild) -> None:
    leads = staged(salesforce_build, "leads")
    ada, lin = leads[ADA], leads[LIN]
    # lead.lead_score_c (a custom field, Lead_Score__c in Salesforce, scored by no rule)
    assert (ada["lead_score"], leads[GRACE]["lead_score"]) == ("87", "55")
    assert (ada["lead_source"], ada["lead_status"], ada["rating"]) == (
        "Web",
        "Working - Contacted",
        "Warm",
    )
    assert (ada["salesforce_object"], lin["salesforce_object"]) == ("lead", "contact")
    assert (lin["is_converted"], lin["lead_score"]) == (None, None)


def test_event_types(salesforce_build: SalesforceBuild) -> None:
    events = staged(salesforce_build, "events")
    types = {event_id: (row["lead_id"], row["event_type"]) for event_id, row in events.items()}
    assert types == {
        "task:00T000000000001AAA": (ADA, "call_unanswered"),  # disposition 'No answer'
        "task:00T000000000002AAA": (ADA, "sales_email"),
        "task:00T000000000003AAA": (GRACE, "call"),  # logged on the contact
        "task:00T000000000004AAA": (GRACE, "call_unanswered"),  # subject 'line busy', 00Q...7
        "task:00T000000000006AAA": (ADA, "sales_email"),  # on the merged-away 00Q...5
        "task:00T000000000007AAA": (UNKNOWN, "call"),  # reported as an unknown lead
        "task:00T000000000011AAA": (LIN, "email_sent"),  # ListEmail
        "task:00T000000000012AAA": (LIN, "salesforce_task"),  # Cadence
        "event:00U000000000001AAA": (GRACE, "meeting"),
        "event:00U000000000002AAA": (LIN, "meeting"),  # on the merged-away 003...8
        "campaign_member:00v000000000001AAA": (ADA, "webinar_attended"),
        "campaign_member:00v000000000002AAA": (GRACE, "event_attended"),  # Trade Show
        "campaign_member:00v000000000003AAA": (LIN, "webinar_attended"),
        "campaign_member:00v000000000004AAA": (LIN, "webinar_attended"),
        "campaign_member:00v000000000005AAA": (LIN, "event_attended"),  # Conference
    }
    assert events["campaign_member:00v000000000002AAA"]["event_detail"] == "Expo 2026"


LEFT_OUT = {
    ("salesforce.lead", "00Q000000000004AAA"): ("deleted_in_crm", None),
    ("salesforce.lead", "00Q000000000005AAA"): ("merged_into_other", ADA),
    ("salesforce.lead", "00Q000000000007AAA"): ("converted_into_same_contact", GRACE),
    ("salesforce.contact", "003000000000008AAA"): ("merged_into_other", LIN),
    ("salesforce.account", "001000000000003AAA"): ("deleted_in_crm", None),
    ("salesforce.account", "001000000000004AAA"): ("no_contact", None),  # Hooli
    ("salesforce.task", "00T000000000005AAA"): ("lead_deleted", None),  # of 00Q...4
    ("salesforce.task", "00T000000000008AAA"): ("not_completed", SAM),  # Not Started
    ("salesforce.task", "00T000000000009AAA"): ("deleted_in_crm", ADA),
    ("salesforce.task", "00T000000000010AAA"): ("no_lead", None),  # who_id empty
    ("salesforce.event", "00U000000000003AAA"): ("deleted_in_crm", ADA),
    # the past version (history mode) of Ada's webinar member, and Sam's newsletter
    ("salesforce.campaign_member", "00v000000000001AAA"): ("not_current_version", ADA),
    ("salesforce.campaign_member", "00v000000000006AAA"): ("not_responded", SAM),
    ("salesforce.campaign", "701000000000005AAA"): ("no_response", None),
    ("salesforce.campaign", "701000000000006AAA"): ("no_response", None),
    ("salesforce.opportunity", "006000000000002AAA"): ("not_won", None),  # Prospecting
    ("salesforce.opportunity", "006000000000003AAA"): ("no_lead", None),  # Hooli's
    ("salesforce.opportunity", "006000000000004AAA"): ("deleted_in_crm", None),
    ("salesforce.opportunity_contact_role", "00K000000000002AAA"): ("opportunity_not_won", LIN),
}


def test_rows_left_out_are_listed(salesforce_build: SalesforceBuild) -> None:
    issues = {
        (row["source_name"], row["source_key"]): (row["issue_code"], row["lead_id"])
        for row in salesforce_build.build.issues
        if row["source_name"].startswith("salesforce.")
    }
    assert issues == LEFT_OUT
    described = {
        (row["source_name"], row["source_key"]): row["issue_description"]
        for row in salesforce_build.build.issues
    }
    # the survivor is named
    assert described[("salesforce.lead", "00Q000000000005AAA")] == (
        "Merged into 00Q000000000001AAA in Salesforce (is_deleted, master_record_id): the "
        "survivor is scored as 00Q000000000001AAA and gets its activities."
    )
    assert "'Prospecting'" in described[("salesforce.opportunity", "006000000000002AAA")]


def test_an_event_of_an_unknown_person_is_reported(salesforce_build: SalesforceBuild) -> None:
    unknown = [
        row
        for row in salesforce_build.build.issues
        if row["source_name"] == "lead_events" and row["lead_id"] == UNKNOWN
    ]
    assert [row["issue_code"] for row in unknown] == ["unknown_lead"]


# table -> (input rows, mapped rows, left out rows)
RECONCILED = {
    "lead": (6, 3, 3),  # Ada, Grace, Sam; 00Q...4, 5, 7 left out
    "contact": (3, 2, 1),  # Grace's contact (one person with her lead) and Lin; 003...8
    "account": (4, 2, 2),  # Globex, Initech; Umbrella (deleted), Hooli (no contact)
    "task": (12, 8, 4),
    "event": (3, 2, 1),
    "campaign_member": (7, 5, 2),
    "campaign": (6, 4, 2),
    "opportunity": (5, 2, 3),  # Globex - Platform, Initech - Starter
    "opportunity_contact_role": (3, 2, 1),
}


def test_reconciliation(salesforce_build: SalesforceBuild) -> None:
    reconciliation = {
        name.removeprefix("salesforce."): (
            row["input_rows"],
            row["scored_rows"],
            row["reported_rows"],
        )
        for name, row in salesforce_build.build.reconciliation.items()
        if name.startswith("salesforce.")
    }
    # input rows = rows passed on (scored_rows: stg_salesforce__rows_read.mapped_rows) + rows
    # left out (reported_rows, counted from data_quality_issues)
    assert reconciliation == RECONCILED


def test_conversions_are_closed_won_opportunities(salesforce_build: SalesforceBuild) -> None:
    if salesforce_build.build.conversions is None:
        pytest.skip("spark: stg_conversions is not read")
    # Grace: Globex - Platform, won 2026-03-10 (her lead's converted_opportunity_id and her
    # contact's role: one conversion); Lin: Initech - Starter, won 2026-03-01 (a contact role).
    # The lead's conversion on 2026-02-01 is a qualification, no conversion.
    assert salesforce_build.build.conversions == [
        {"lead_id": LIN, "converted_at": datetime(2026, 3, 1)},
        {"lead_id": GRACE, "converted_at": datetime(2026, 3, 10)},
    ]
