"""reference.py on hand-computed examples, so that the differential test does not trust it
blindly. No dbt here: these run in milliseconds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from reference import (
    clean,
    like,
    parse_number,
    parse_timestamp,
    quantize_points,
    round_half_away,
    score,
)

AS_OF = date(2026, 3, 15)
SCORECARD = {
    "scorecard_id": "s",
    "mql_min_score": "30",
    "mql_min_fit": "",
    "sql_min_score": "60",
    "sql_trigger_event_types": "Demo_Request",
    "sql_trigger_window_days": "14",
    "hot_min_score": "60",
    "warm_min_score": "30",
    "grade_a_min_fit": "30",
    "grade_b_min_fit": "20",
    "grade_c_min_fit": "10",
    "level_1_min_engagement": "50",
    "level_2_min_engagement": "30",
    "level_3_min_engagement": "10",
    "dead_below_fit_points": "-10",
    "is_active": "",
    "description": "hand examples",
}
REGIONS = [{"country_code": "US", "country_name": "United States", "region": "North America"}]
SEGMENTS = [
    {"matrix_cell": f"{grade}{level}", "segment": "Red" if grade == "A" else "blue"}
    for grade in "ABCD"
    for level in "1234"
]


def rule(rule_id: str, dimension: str, **fields: str) -> dict[str, str]:
    return {"scorecard_id": "s", "rule_id": rule_id, "dimension": dimension, **fields}


def lead(lead_id: str, created_at: str = "2025-01-01", **attributes: str) -> dict[str, str]:
    return {"lead_id": lead_id, "created_at": created_at, **attributes}


def event(event_id: str, lead_id: str, event_type: str, occurred_at: str, detail: str = ""):
    return {
        "event_id": event_id,
        "lead_id": lead_id,
        "event_type": event_type,
        "occurred_at": occurred_at,
        "event_detail": detail,
    }


def run(
    rules: list[dict[str, str]],
    leads: list[dict[str, str]],
    events: list[dict[str, str]] = (),  # type: ignore[assignment]
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]:
    """lead_scores rows by lead_id and breakdown rows by (lead_id, rule_id)."""
    result = score(
        scorecards=[SCORECARD],
        scorecard_rules=rules,
        country_regions=REGIONS,
        matrix_segments=SEGMENTS,
        leads=leads,
        events=list(events),
        as_of=AS_OF,
    )
    scores = {row["lead_id"]: row for row in result.lead_scores}
    breakdown = {(row["lead_id"], row["rule_id"]): row for row in result.breakdown}
    return scores, breakdown


def test_decay_max_count_and_window() -> None:
    """`each`: the 2 most recent matches in the 30-day window, each halved per 7 days."""
    rules = [
        rule(
            "blog",
            "engagement",
            event_type="page_view",
            event_filter="%/BLOG/%",
            points="10",
            max_count="2",
            window_days="30",
            half_life_days="7",
        )
    ]
    events = [
        event("e1", "L1", " Page_View ", "2026-03-15 23:59:59", "/blog/a"),  # age 0: 10
        event("e2", "L1", "page_view", "2026-03-08T08:00", "/Blog/b"),  # age 7: 5
        event("e3", "L1", "page_view", "2026-03-01", "/blog/c"),  # age 14: beyond max_count
        event("e4", "L1", "page_view", "2026-03-14", "/pricing"),  # filter does not match
        event("e5", "L1", "page_view", "2026-03-16", "/blog/d"),  # after as_of: ignored
        event("e6", "L1", "page_view", "2026-02-13", "/blog/e"),  # age 30: outside the window
    ]
    scores, breakdown = run(rules, [lead("L1")], events)
    row = breakdown[("L1", "blog")]
    assert row["points"] == Decimal("15.000000")
    assert row["occurrences"] == 2
    assert row["last_event_date"] == AS_OF
    assert scores["L1"]["engagement_points"] == Decimal("15")
    assert scores["L1"]["engagement_score"] == 15
    assert scores["L1"]["engagement_level"] == 3


def test_decay_is_quantised_per_rule() -> None:
    """10 * 0.5 ^ (3 / 7) + 10 * 0.5 ^ (5 / 7), summed as doubles, then 6 decimals."""
    rules = [
        rule("open", "engagement", event_type="email_open", points="10", half_life_days="7"),
    ]
    events = [
        event("e1", "L1", "email_open", "2026-03-12 10:00"),
        event("e2", "L1", "email_open", "2026-03-10 10:00"),
    ]
    _, breakdown = run(rules, [lead("L1")], events)
    assert breakdown[("L1", "open")]["points"] == Decimal("13.525040")  # 7.429971... + 6.095068...
    assert breakdown[("L1", "open")]["last_event_date"] == date(2026, 3, 12)


def test_rule_group_resolution() -> None:
    """In a group only the matching rule with the most points counts (ties: smallest
    rule_id); a rule without a group always counts; groups compare case-insensitively."""
    rules = [
        rule(
            "t_ceo",
            "fit",
            attribute="job_title",
            operator="contains",
            value="ceo",
            points="15",
            rule_group="title",
        ),
        rule(
            "t_chief",
            "fit",
            attribute="job_title",
            operator="contains",
            value="chief",
            points="15",
            rule_group="Title ",
        ),
        rule(
            "t_any",
            "fit",
            attribute="job_title",
            operator="is_not_null",
            points="5",
            rule_group="title",
        ),
        rule(
            "p_student",
            "fit",
            attribute="job_title",
            operator="contains",
            value="student|intern",
            points="-10",
            rule_group="persona",
        ),
        rule(
            "p_research",
            "fit",
            attribute="job_title",
            operator="contains",
            value="research",
            points="-15",
            rule_group="persona",
        ),
        rule("own", "fit", attribute="job_title", operator="is_not_null", points="2.5"),
    ]
    leads = [lead("L1", job_title="Chief Executive (CEO)"), lead("L2", job_title="Research intern")]
    scores, breakdown = run(rules, leads)
    assert sorted(rule_id for lead_id, rule_id in breakdown if lead_id == "L1") == [
        "own",
        "t_ceo",  # 15 points like t_chief, and the smaller rule_id
    ]
    assert scores["L1"]["fit_points"] == Decimal("17.5")
    assert scores["L1"]["fit_score"] == 18  # 17.5 rounds half away from zero
    assert sorted(rule_id for lead_id, rule_id in breakdown if lead_id == "L2") == [
        "own",
        "p_student",  # -10 is more than -15
        "t_any",
    ]
    assert scores["L2"]["fit_points"] == Decimal("-2.5")
    assert scores["L2"]["fit_score"] == 0  # clamped
    assert breakdown[("L1", "t_ceo")]["rule_group"] == "title"
    assert breakdown[("L1", "own")]["rule_group"] == "own"


def test_exclusion_at_least_none_and_flags() -> None:
    rules = [
        rule(
            "fit_us",
            "fit",
            attribute="region",
            operator="equals",
            value=" NORTH america",
            points="35",
            description="North America",
        ),
        rule(
            "fit_big",
            "fit",
            attribute="company_size",
            operator="between",
            value="50 | 5000",
            points="10",
        ),
        rule(
            "x_rival",
            "exclusion",
            attribute="email_domain",
            operator="in",
            value="rival.io| |leadrival.com",
            description="Competitor",
        ),
        rule(
            "visits",
            "engagement",
            operator="at_least",
            value="2",
            event_type="page_view",
            points="10",
            window_days="7",
            description="Visits",
        ),
        rule(
            "no_open",
            "engagement",
            operator="NONE",
            event_type="email_open",
            points="-10",
            window_days="90",
            description="No opens",
        ),
    ]
    leads = [
        lead("A", "2025-01-01", country=" us ", company_size="1,000", email="a@x.com"),
        lead("B", "2026-03-01", country="US", company_size=" 1e3 ", email="b@Rival.IO"),
        lead("C", "2026-03-16", country="US"),  # created after as_of: not scored
    ]
    events = [
        event("v1", "A", "page_view", "2026-03-09"),  # age 6: in the window
        event("v2", "A", "page_view", "2026-03-08"),  # age 7: outside
        event("v3", "B", "page_view", "2026-03-14"),
        event("v4", "B", "page_view", "2026-03-13"),
        event("d1", "B", "demo_request", "2026-03-02"),  # age 13 < 14: SQL trigger
    ]
    scores, breakdown = run(rules, leads, events)
    assert set(scores) == {"A", "B"}
    # A: not a number ('1,000'), 1 visit in the window, no open in 90 days and old enough
    assert scores["A"]["fit_points"] == Decimal(35)
    assert scores["A"]["engagement_points"] == Decimal(-10)
    assert breakdown[("A", "no_open")]["occurrences"] == 0
    assert scores["A"]["total_score"] == 25
    assert (scores["A"]["tier"], scores["A"]["is_mql"], scores["A"]["is_sql"]) == (
        "cold",
        False,
        False,
    )
    assert scores["A"]["matrix_cell"] == "A4"
    assert scores["A"]["segment"] == "red"
    assert scores["A"]["score_reasons"] == "North America +35, No opens -10"
    # B: excluded (but keeps its scores), 2 visits; too young for the 90-day none rule
    assert scores["B"]["exclusion_reason"] == "x_rival"
    assert breakdown[("B", "x_rival")]["points"] == 0
    assert breakdown[("B", "visits")]["occurrences"] == 2
    assert breakdown[("B", "visits")]["last_event_date"] == date(2026, 3, 14)
    assert ("B", "no_open") not in breakdown
    assert (scores["B"]["fit_score"], scores["B"]["engagement_score"]) == (45, 10)
    assert (scores["B"]["total_score"], scores["B"]["tier"]) == (0, "dead")
    assert (scores["B"]["is_mql"], scores["B"]["is_sql"]) == (False, False)
    assert scores["B"]["score_reasons"] == "Excluded: Competitor"


def test_unusable_and_duplicate_rows() -> None:
    rules = [rule("open", "engagement", event_type="email_open", points="1")]
    leads = [
        lead("L1", "2025-06-01 10:00", job_title="second row: re-import"),
        lead(" L1 ", "2025-01-01", job_title="first row"),
        lead("", "2025-01-01"),
        lead("L2", "2025-02-30"),  # not a date: unusable
        lead("l1", "2025-01-01"),  # another lead: keys keep their case
    ]
    events = [
        event("e1", "L1", "email_open", "2026-03-01"),
        event("e1", "L1", "email_open", "2026-03-01"),  # exact copy: counts once
        event("e2", "L1", "email_open", "2026-03-02"),
        event(" e2", "L1", "email_open", "2026-03-01"),  # reused id: the earliest wins
        event("e3", "L2", "email_open", "2026-03-01"),  # unknown lead
        event("e4", "L1", "email_open", "2026-03-01 25:00"),  # not a timestamp
    ]
    scores, breakdown = run(rules, leads, events)
    assert set(scores) == {"L1", "l1"}
    assert breakdown[("L1", "open")]["occurrences"] == 2
    assert breakdown[("L1", "open")]["last_event_date"] == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.0000005, "0.000001"),
        (-0.0000005, "-0.000001"),
        (2.0000025, "2.000003"),
        (1.0000015, "1.000002"),
        (33.3333333, "33.333333"),
        (0.1 + 0.2, "0.300000"),
    ],
)
def test_quantize_points(value: float, expected: str) -> None:
    assert quantize_points(value) == Decimal(expected)
    assert str(quantize_points(value)) == expected


def test_small_helpers() -> None:
    assert [round_half_away(Decimal(text)) for text in ("2.5", "-2.5", "2.499999")] == [3, -3, 2]
    assert clean("  a b  ") == "a b"
    assert clean("\ta") == "\ta"  # only spaces are trimmed
    assert clean("   ") is None
    assert [
        parse_number(text) for text in ("1,000", "n/a", " 1e3 ", ".5", "3.", "1e99", "1e100")
    ] == [
        None,
        None,
        1000.0,
        0.5,
        3.0,
        1e99,
        None,  # at most two exponent digits
    ]
    assert parse_timestamp("2026-02-30") is None
    assert parse_timestamp("2026-03-01T10:00") == parse_timestamp(" 2026-03-01 10:00:00.000 ")
    assert parse_timestamp("2026-03-01 10:00:00.5").microsecond == 500000  # type: ignore[union-attr]
    assert like("/blog/a", "%/blog/%")
    assert like("/product/a", "/product/_")
    assert not like("/product/ab", "/product/_")
    assert not like("/blogx", "%/blog/%")
    assert like("a.b", "a.b") and not like("axb", "a.b")
