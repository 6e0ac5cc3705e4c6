"""The Marketo adapter (crm_source: marketo) end to end: the Fivetran Marketo tables of
crm_fixtures/marketo/ built with the shipped scorecard seeds, as of 2026-03-15.

Every lead is created on 2026-03-01 (14 days before as_of: the `none` rule "no email opened in
90 days" does not apply yet) and every scored activity happens on the as_of day (age 0: no
decay), so each rule gives its full points. The `default` scorecard (seeds/scorecard_rules.csv):
fit CEO +15, director +10, manager +5, student -10 (title groups); technology +10, education +5
(industry); North America +10, Europe +5 (region); 50-5000 employees +10, < 10 employees -5;
engagement email opened +5, pricing page +20, product page +20, blog article +5, careers page
-10, webinar attended +15, event attended +10, demo form +20, unsubscribed -20, email bounced
-10. Tiers: hot from 60, warm from 30; MQL: total >= 30 and fit >= 10; SQL: total >= 60.

The fixture: 101 (CEO), 102 (director; 105 was merged into it, and 107 into 105 before: a
chain), 103 (manager of a micro company, converted), 104 (student), 106 (deleted), 108 (a
competitor), an email open of lead 999, whom the lead table lacks. Absent on purpose: the
tables activity_email_delivered, activity_email_bounced_soft and activity_click_link, and the
columns lead._fivetran_deleted and activity_visit_webpage.search_engine / search_query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import background
import duckdb
import pytest
from crm import CrmBuild, build_crm
from scenario import Row, _rows


@dataclass(frozen=True)
class MarketoBuild:
    """The CRM build, plus the adapter's own staging views read back."""

    build: CrmBuild
    events: dict[str, Row]
    rows_left_out: list[Row]
    rows_read: dict[str, Row]
    leads: dict[str, Row]


@background.job("crm_build:marketo:duckdb")
def _build(workdir: Path) -> MarketoBuild:
    build = build_crm("marketo", workdir)
    with duckdb.connect(str(workdir / "lead_scoring.duckdb"), read_only=True) as connection:

        def read(view: str) -> list[Row]:
            return _rows(connection.execute(f"select * from main_staging.{view}"))

        return MarketoBuild(
            build=build,
            events={row["event_id"]: row for row in read("stg_marketo__lead_events")},
            rows_left_out=read("stg_marketo__rows_left_out"),
            rows_read={row["source_name"]: row for row in read("stg_marketo__rows_read")},
            leads={row["lead_id"]: row for row in read("stg_marketo__leads")},
        )


@pytest.fixture(scope="module")
def marketo_build() -> MarketoBuild:
    return background.result("crm_build:marketo:duckdb")


# lead_id -> (fit, engagement, total, tier, is_mql, is_sql)
EXPECTED_SCORES = {
    # fit: CEO 15 + Software (technology) 10 + United States (North America) 10 + 200
    # employees 10 = 45; engagement: email open 5 + /pricing 20 + webinar attended 15 (status
    # 'Attended' in program 501, of type webinar) = 40; total 85: hot, MQL, SQL (>= 60)
    "101": (45, 40, 85, "hot", True, True),
    # fit: 'Director of Learning' 10 + Education 5 + Germany (Europe) 5 (30 employees: no
    # size rule) = 20; engagement: /blog/ 5 + the email open of 105 (merged into 102) 5 +
    # /product/tour of 107 (merged into 105, then 105 into 102) 20 + unsubscribed -20 = 10;
    # total 30: warm, MQL (30 >= 30, fit 20 >= 10), not SQL
    "102": (20, 10, 30, "warm", True, False),
    # fit: 'Marketing Manager' 5 + Software 10 + US 10 + 5 employees (< 10) -5 = 20;
    # engagement: event attended 10 (program 502, a live event) + 'Request a Demo' form on
    # /demo 20 (the email click and the Lead Status change score nothing) = 30; total 50: warm
    "103": (20, 30, 50, "warm", True, False),
    # fit: Student -10 + FR (Europe) 5 = -5 (not below the dead cut-off -10); engagement:
    # /careers -10 + bounce -10 = -20 (the campaign response scores nothing); total -25 -> 0
    "104": (0, 0, 0, "cold", False, False),
    # fit: Vice President 10 + Software 10 + US 10 + 100 employees 10 = 40, but company
    # LeadRival (and leadrival.com) is a competitor: excluded, total 0, dead
    "108": (40, 0, 0, "dead", False, False),
}


def test_scores(marketo_build: MarketoBuild) -> None:
    scores = marketo_build.build.scores
    # 105 and 107 were merged away, 106 deleted: not scored
    assert set(scores) == set(EXPECTED_SCORES)
    for lead_id, (fit, engagement, total, tier, is_mql, is_sql) in EXPECTED_SCORES.items():
        row = scores[lead_id]
        actual = (
            row["fit_score"],
            row["engagement_score"],
            row["total_score"],
            row["tier"],
            row["is_mql"],
            row["is_sql"],
        )
        assert actual == (fit, engagement, total, tier, is_mql, is_sql), lead_id
    # the smallest rule_id of the two exclusion rules that match
    assert scores["108"]["exclusion_reason"] == "excl_competitor_company"


def test_breakdown_names_the_rules(marketo_build: MarketoBuild) -> None:
    breakdown = marketo_build.build.breakdown
    assert breakdown is not None  # built on DuckDB
    assert set(breakdown["101"]) == {
        "fit_title_ceo", "fit_industry_technology", "fit_region_north_america",
        "fit_size_target", "eng_email_opened", "eng_pricing_page", "eng_webinar_attended",
    }  # fmt: skip
    # the merged leads' activities count for 102
    assert set(breakdown["102"]) == {
        "fit_title_director", "fit_industry_education", "fit_region_europe",
        "eng_blog_article", "eng_email_opened", "eng_product_page", "eng_unsubscribe",
    }  # fmt: skip
    assert set(breakdown["103"]) == {
        "fit_title_manager", "fit_industry_technology", "fit_region_north_america",
        "fit_size_micro", "eng_event_attended", "eng_form_demo",
    }  # fmt: skip
    assert set(breakdown["104"]) == {
        "fit_persona_student", "fit_region_europe", "eng_careers_page", "eng_email_bounce",
    }  # fmt: skip


def test_event_mapping(marketo_build: MarketoBuild) -> None:
    events = marketo_build.events
    expected = {
        "activity_open_email:9001": ("101", "email_open", "Newsletter March"),
        # 105 was merged into 102
        "activity_open_email:9002": ("102", "email_open", "Newsletter March"),
        # passed on: the contract's staging reports the unknown lead
        "activity_open_email:9003": ("999", "email_open", "Newsletter March"),
        "activity_visit_webpage:9101": ("101", "page_view", "/pricing"),
        # 107 -> 105 -> 102
        "activity_visit_webpage:9103": ("102", "page_view", "/product/tour"),
        "activity_change_status_in_progression:9201": (
            "101", "webinar_attended", "Q1 Product Webinar",
        ),
        "activity_change_status_in_progression:9202": ("103", "event_attended", "Spring Roadshow"),
        "activity_change_status_in_progression:9203": (
            "102", "marketo_change_status_in_progression", "Q1 Product Webinar > Registered",
        ),
        "activity_change_status_in_progression:9204": ("104", "campaign_response", "Scoring Guide"),
        "activity_fill_out_form:9301": (
            "103", "form_submit", "Request a Demo https://www.northwind.io/demo",
        ),
        "activity_click_email:9401": (
            "103", "email_click", "https://www.northwind.io/blog/what-is-fit",
        ),
        "activity_email_bounced:9501": ("104", "email_bounce", "Newsletter March"),
        "activity_unsubscribe_email:9601": ("102", "unsubscribe", "Newsletter March"),
        "activity_send_email:9701": ("101", "email_sent", "Newsletter March"),
        "activity_change_data_value:9801": (
            "103", "marketo_change_data_value", "Lead Status: Customer",
        ),
    }  # fmt: skip
    for event_id, (lead_id, event_type, detail) in expected.items():
        row = events[event_id]
        assert (row["lead_id"], row["event_type"], row["event_detail"]) == (
            lead_id,
            event_type,
            detail,
        ), event_id
    # activities of the deleted lead 106 and the delete / merge records are not events
    assert not {"activity_open_email:9004", "activity_visit_webpage:9105"} & set(events)
    assert not [key for key in events if key.startswith(("activity_delete", "activity_merge"))]


def test_custom_fields_pass_through(marketo_build: MarketoBuild) -> None:
    lead = marketo_build.leads["101"]
    # standard and custom fields are attributes under the connector's names; Fivetran's
    # columns and ids of other records are not
    assert (lead["lead_source"], lead["lead_status"], lead["product_interest"]) == (
        "Webinar",
        "Open",
        "Analytics",
    )
    assert "_fivetran_synced" not in lead
    assert "sfdc_lead_id" not in lead
    assert "updated_at" not in lead


def test_rows_left_out(marketo_build: MarketoBuild) -> None:
    left_out = {
        (row["source_name"], row["source_key"]): (row["lead_id"], row["issue_code"])
        for row in marketo_build.rows_left_out
    }
    assert left_out == {
        ("marketo.lead", "105"): ("105", "merged_into_other"),
        ("marketo.lead", "107"): ("107", "merged_into_other"),
        ("marketo.lead", "106"): ("106", "deleted_in_crm"),
        ("marketo.activity_open_email", "9004"): ("106", "lead_deleted_in_crm"),
        ("marketo.activity_visit_webpage", "9105"): ("106", "lead_deleted_in_crm"),
        ("marketo.activity_delete_lead", "9901"): ("106", "not_an_activity"),
        # the merge records, under the lead they end in
        ("marketo.activity_merge_leads", "9951"): ("102", "not_an_activity"),
        ("marketo.activity_merge_leads", "9952"): ("102", "not_an_activity"),
    }
    descriptions = {
        row["source_key"]: row["issue_description"] for row in marketo_build.rows_left_out
    }
    assert descriptions["107"] == (
        "Marketo lead 107 was merged into lead 105 on 2026-02-20, itself merged into lead 102"
        " later: its activities count for lead 102"
    )
    assert descriptions["106"] == (
        "Marketo lead 106 was deleted in Marketo (activity_delete_lead on 2026-03-02): not scored"
    )


def test_issues_in_the_ledger(marketo_build: MarketoBuild) -> None:
    issues = {
        (row["source_name"], row["source_key"]): row["issue_code"]
        for row in marketo_build.build.issues
        if row["is_row_left_out"]
    }
    # the adapter's rows left out are in data_quality_issues
    for row in marketo_build.rows_left_out:
        assert issues[(row["source_name"], row["source_key"])] == row["issue_code"]
    # the email open of lead 999, whom the lead table lacks, is reported by the contract
    assert issues[("lead_events", "activity_open_email:9003")] == "unknown_lead"


def test_reconciliation(marketo_build: MarketoBuild) -> None:
    reconciliation = marketo_build.build.reconciliation
    # table -> (input rows, passed on, left out)
    expected = {
        "marketo.lead": (8, 5, 3),  # 105, 107 merged away, 106 deleted
        "marketo.activity_open_email": (4, 3, 1),  # 9004: lead 106 deleted
        "marketo.activity_visit_webpage": (5, 4, 1),  # 9105: lead 106 deleted
        "marketo.activity_change_status_in_progression": (4, 4, 0),
        "marketo.activity_fill_out_form": (1, 1, 0),
        "marketo.activity_click_email": (1, 1, 0),
        "marketo.activity_email_bounced": (1, 1, 0),
        "marketo.activity_unsubscribe_email": (1, 1, 0),
        "marketo.activity_send_email": (2, 2, 0),
        # 9801 is an event and a conversion: one row passed on
        "marketo.activity_change_data_value": (2, 2, 0),
        "marketo.activity_delete_lead": (1, 0, 1),
        "marketo.activity_merge_leads": (2, 0, 2),
    }
    for source_name, (input_rows, scored_rows, reported_rows) in expected.items():
        row = reconciliation[source_name]
        assert (row["input_rows"], row["scored_rows"], row["reported_rows"]) == (
            input_rows,
            scored_rows,
            reported_rows,
        ), source_name
    # absent optional tables are not read, and the build went on
    marketo_sources = {name for name in reconciliation if name.startswith("marketo.")}
    assert marketo_sources == set(expected)
    assert set(marketo_build.rows_read) == set(expected)


def test_conversions(marketo_build: MarketoBuild) -> None:
    # Lead Status changed to Customer on 2026-03-10; the Lead Score change is no conversion
    assert marketo_build.build.conversions == [
        {"lead_id": "103", "converted_at": datetime(2026, 3, 10, 10, 0)}
    ]
