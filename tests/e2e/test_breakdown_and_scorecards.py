"""Scorecards side by side (`side_a`, `side_b`, inactive `off`), the breakdown and
score_reasons (scorecard `reasons`), and the invariants of both marts on every lead of both
builds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import pytest
from conftest import BUILDS, Builds
from scenario import (
    AS_OF,
    FixturePart,
    ScenarioResult,
    assert_row,
    date_of,
    day,
    event,
    field,
    lead,
    rule,
    scorecard,
)

SIDE_A = "side_a"
SIDE_B = "side_b"
OFF = "off"
REASONS = "reasons"


def _fit(
    scorecard_id: str, rule_id: str, operator: str, value: str, points: str, description: str
) -> dict[str, str]:
    attribute = "job_title" if scorecard_id != REASONS else "reason_case"
    return rule(
        scorecard_id,
        rule_id,
        "fit",
        attribute=attribute,
        operator=operator,
        value=value,
        points=points,
        description=description,
    )


CUSTOM_SCORECARD_FIXTURE = FixturePart(
    scorecards=[
        scorecard(SIDE_A, mql_min_score="10"),
        scorecard(SIDE_B),
        scorecard(OFF, is_active="false"),
        scorecard(REASONS),
    ],
    rules=[
        _fit(SIDE_A, "sa_director", "contains", "director", "10", "Director (A)"),
        _fit(SIDE_B, "sb_director", "contains", "director", "25", "Director (B)"),
        _fit(OFF, "off_director", "contains", "director", "99", "Director (off)"),
        # rs_charlie is listed before rs_bravo: file order must not decide their tie
        _fit(REASONS, "rs_alpha", "in", "r1|r2", "5", "Alpha"),
        _fit(REASONS, "rs_charlie", "equals", "r1", "8", "Charlie"),
        _fit(REASONS, "rs_bravo", "in", "r1|r2", "-8", "Bravo"),
        rule(
            REASONS,
            "rs_delta",
            "engagement",
            operator="each",
            event_type="rs_evt",
            points="12",
            half_life_days="10",
            description="Delta",
        ),
        _fit(REASONS, "rs_echo", "equals", "r1", "0.4", "Echo"),
        _fit(REASONS, "rs_foxtrot", "equals", "r2", "-0.4", "Foxtrot"),
    ],
    leads=[
        lead("S_DIRECTOR", job_title="Sales Director"),
        lead("RS_1", reason_case="r1"),
        lead("RS_2", reason_case="r2"),
        lead("RS_NOTHING"),
    ],
    events=[event("RS_1-0", "RS_1", "rs_evt", day(10))],
)


def test_two_scorecards_side_by_side(custom_build: ScenarioResult) -> None:
    # side_a: Director +10 -> total 10 >= its mql 10 -> MQL; fit 10 -> C (>= 10), level 4
    assert_row(
        custom_build.score("S_DIRECTOR", SIDE_A),
        "side_a",
        fit_points=10,
        total_score=10,
        fit_grade="C",
        matrix_cell="C4",
        tier="cold",
        is_mql=True,
    )
    # side_b: Director +25 -> total 25 < its mql 30 -> not MQL; fit 25 -> B
    assert_row(
        custom_build.score("S_DIRECTOR", SIDE_B),
        "side_b",
        fit_points=25,
        total_score=25,
        fit_grade="B",
        matrix_cell="B4",
        tier="cold",
        is_mql=False,
    )
    assert set(custom_build.rules("S_DIRECTOR", SIDE_A)) == {"sa_director"}
    assert set(custom_build.rules("S_DIRECTOR", SIDE_B)) == {"sb_director"}


def test_inactive_scorecard_has_no_rows(custom_build: ScenarioResult) -> None:
    # `off` (is_active false) would give S_DIRECTOR +99: no row in either mart, for any lead
    assert not [key for key in custom_build.scores if key[1] == OFF]
    assert not [key for key in custom_build.breakdown if key[1] == OFF]


def test_score_reasons_order_limit_and_format(custom_build: ScenarioResult) -> None:
    # RS_1: Alpha +5, Bravo -8, Charlie +8, Echo +0.4, Delta 12 * 0.5^(10/10) = 6.
    # By |points| desc, ties by rule_id: Bravo (rs_bravo < rs_charlie), Charlie, Delta;
    # at most 3, so Alpha is left out; Echo rounds to 0 and would never be shown.
    # fit 5 - 8 + 8 + 0.4 = 5.4 -> 5; engagement 6; total round(11.4) = 11
    assert_row(
        custom_build.score("RS_1", REASONS),
        "RS_1",
        fit_points="5.4",
        engagement_points=6,
        fit_score=5,
        engagement_score=6,
        total_score=11,
        score_reasons="Bravo -8, Charlie +8, Delta +6",
    )
    rules = custom_build.rules("RS_1", REASONS)
    assert set(rules) == {"rs_alpha", "rs_bravo", "rs_charlie", "rs_delta", "rs_echo"}
    assert_row(
        rules["rs_delta"],
        "rs_delta",
        dimension="engagement",
        description="Delta",
        rule_points=12,
        points=6,
        occurrences=1,
        last_event_date=date_of(10),
        as_of_date=AS_OF,
    )
    assert_row(rules["rs_echo"], "rs_echo", dimension="fit", rule_points="0.4", points="0.4")


def test_score_reasons_skip_rules_that_round_to_zero(custom_build: ScenarioResult) -> None:
    # RS_2: Alpha +5, Bravo -8, Foxtrot -0.4 (rounds to 0: not shown) -> two reasons.
    # fit 5 - 8 - 0.4 = -3.4 -> fit_score 0, total 0
    assert_row(
        custom_build.score("RS_2", REASONS),
        "RS_2",
        fit_points="-3.4",
        fit_score=0,
        total_score=0,
        score_reasons="Bravo -8, Alpha +5",
    )
    assert set(custom_build.rules("RS_2", REASONS)) == {"rs_alpha", "rs_bravo", "rs_foxtrot"}


def test_no_reasons_without_contributing_rules(custom_build: ScenarioResult) -> None:
    assert custom_build.rules("RS_NOTHING", REASONS) == {}
    assert custom_build.score("RS_NOTHING", REASONS)["score_reasons"] in (None, "")


# ---------------------------------------------------------------------------- invariants


def _scored_lead_ids(result: ScenarioResult) -> set[str]:
    """The fixture leads created on or before the as_of day (the others are not scored)."""
    return {
        field(row, "lead_id")
        for row in result.fixture.leads
        if datetime.fromisoformat(field(row, "created_at")).date() <= AS_OF
    }


def _active_scorecard_ids(result: ScenarioResult) -> set[str]:
    shipped = {"default"} if result.shipped_scorecard else set()
    return shipped | {
        field(row, "scorecard_id")
        for row in result.fixture.scorecards
        if field(row, "is_active").strip().lower() not in ("false", "f", "no", "n", "0")
    }


def _sum(rows: Iterable[dict], dimension: str) -> Decimal:
    return sum((row["points"] for row in rows if row["dimension"] == dimension), Decimal(0))


@pytest.fixture(params=sorted(BUILDS))
def any_build(request: pytest.FixtureRequest, builds: Builds, engine: str) -> ScenarioResult:
    """Each build of the session on the engine under test."""
    return builds[(engine, request.param)]


def test_one_row_per_lead_and_active_scorecard(any_build: ScenarioResult) -> None:
    expected = {
        (lead_id, scorecard_id)
        for lead_id in _scored_lead_ids(any_build)
        for scorecard_id in _active_scorecard_ids(any_build)
    }
    assert set(any_build.scores) == expected
    assert set(any_build.breakdown) <= expected


def test_breakdown_adds_up_exactly(any_build: ScenarioResult) -> None:
    # fit rows sum to fit_points and engagement rows to engagement_points, exactly (decimal);
    # exclusion rows carry 0 points
    wrong = []
    for key, score in any_build.scores.items():
        rows = any_build.rules(*key).values()
        if _sum(rows, "fit") != score["fit_points"]:
            wrong.append((key, "fit", _sum(rows, "fit"), score["fit_points"]))
        if _sum(rows, "engagement") != score["engagement_points"]:
            wrong.append((key, "engagement", _sum(rows, "engagement"), score["engagement_points"]))
        wrong.extend(
            (key, row["rule_id"], row["points"], 0)
            for row in rows
            if row["dimension"] == "exclusion" and row["points"] != 0
        )
    assert not wrong
