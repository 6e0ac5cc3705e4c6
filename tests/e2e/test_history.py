"""The score history, its MQL / SQL episodes and the funnel (scorecard `hist`), every engine.

SCORING.md §5: for every day d of the history, the period of lead_score_history covering d
holds what lead_scores holds as of d. The cases below are worked out by hand from the
scorecard `hist` (no fit rule: fit 0, grade D; MQL at 30, SQL at 60, hot 60, warm 30; levels
1 >= 50, 2 >= 30, 3 >= 10):

- `h_demo`: each demo +40, half-life 10 days, no cap or window: worth 40 * 0.5 ^ (age / 10);
- `h_visit`: each visit +10, no decay, window 7 days: counts while its age is under 7;
- `h_rival`: an exclusion on email_domain rival.test.

The build's history is the default, the 365 days up to as_of (AS_OF); `day(n)` is n days
before it, `date_of(n)` that day.
"""

from __future__ import annotations

import pytest
from scenario import (
    AS_OF,
    FixturePart,
    ScenarioResult,
    assert_row,
    date_of,
    day,
    event,
    lead,
    rule,
    scorecard,
)

HIST = "hist"
HISTORY_FIRST_DAY = date_of(364)

CUSTOM_SCORECARD_FIXTURE = FixturePart(
    scorecards=[scorecard(HIST, mql_min_fit="0", dead_below_fit_points="")],
    rules=[
        rule(HIST, "h_demo", "engagement", event_type="h_demo", points="40", half_life_days="10"),
        rule(HIST, "h_visit", "engagement", event_type="h_visit", points="10", window_days="7"),
        rule(
            HIST,
            "h_rival",
            "exclusion",
            attribute="email_domain",
            operator="equals",
            value="rival.test",
        ),
    ],
    leads=[
        lead("H_REMQL"),
        lead("H_WINDOW"),
        lead("H_NEW", created_at=day(15, "18:00:00")),
        lead("H_EXCLUDED", created_at=day(8), email="spy@rival.test"),
        lead("H_FUTURE"),
    ],
    events=[
        # a demo 40 days ago, and another 20 days ago
        event("h-remql-1", "H_REMQL", "h_demo", day(40)),
        event("h-remql-2", "H_REMQL", "h_demo", day(20)),
        # visits 12 and 10 days ago (window 7: each counts on 7 days)
        event("h-window-1", "H_WINDOW", "h_visit", day(12)),
        event("h-window-2", "H_WINDOW", "h_visit", day(10)),
        # the new lead's visit on its creation day
        event("h-new-1", "H_NEW", "h_visit", day(15, "19:00:00")),
        event("h-excluded-1", "H_EXCLUDED", "h_demo", day(8)),
        # dated two days after as_of: in no period
        event("h-future-1", "H_FUTURE", "h_demo", day(-2)),
    ],
)


def _engagement(result: ScenarioResult, lead_id: str) -> list[tuple[object, object, int]]:
    """The lead's periods as (valid_from, valid_to, engagement_score)."""
    return [
        (row["valid_from"], row["valid_to"], row["engagement_score"])
        for row in result.periods(lead_id, HIST)
    ]


def test_a_lead_that_becomes_mql_twice_has_two_episodes(custom_build: ScenarioResult) -> None:
    # the first demo alone: 40 * 0.5 ^ (age / 10) is 30.31 at age 4 (30: MQL) and 28.28 at age
    # 5 (28): MQL from 40 days ago to 36 days ago, out from 35 days ago (5 days)
    # the second demo, 20 days ago, with the first (then age 20, worth 40 * 0.25 = 10):
    # 50 * 0.5 ^ (age / 10), 30.78 at age 7 (31: MQL), 28.72 at age 8 (29): MQL from 20 days ago
    # to 13 days ago, out from 12 days ago (8 days)
    episodes = [
        (row["episode_number"], row["started_on"], row["ended_on"], row["days_in_stage"])
        for row in custom_build.episodes.get(("H_REMQL", HIST), [])
        if row["stage"] == "mql"
    ]
    assert episodes == [(1, date_of(40), date_of(35), 5), (2, date_of(20), date_of(12), 8)]
    ended = [row for row in custom_build.episodes[("H_REMQL", HIST)] if row["stage"] == "mql"]
    assert ended[0]["end_reason"] == "the total score fell below the MQL cut-off (28 < 30)"
    assert ended[1]["end_reason"] == "the total score fell below the MQL cut-off (29 < 30)"
    # its periods around the edges (21 days ago, the first demo alone is worth 40 * 0.5 ^ 1.9 =
    # 10.72)
    for age, total, is_mql in (
        (41, 0, False),
        (40, 40, True),
        (36, 30, True),
        (35, 28, False),
        (21, 11, False),
        (20, 50, True),
        (13, 31, True),
        (12, 29, False),
    ):
        assert_row(custom_build.period_on("H_REMQL", HIST, date_of(age)), f"age {age}",
                   total_score=total, is_mql=is_mql)  # fmt: skip
    funnel = custom_build.funnel[("H_REMQL", HIST)]
    assert_row(funnel, "H_REMQL funnel", first_mql_on=date_of(40), latest_mql_on=date_of(20),
               mql_episodes=2, first_sql_on=None, converted_on=None, mql_conversion=None,
               is_created_before_history=True)  # fmt: skip


def test_a_window_edge_drops_a_rule_on_its_exact_day(custom_build: ScenarioResult) -> None:
    # the visit of 12 days ago counts on ages 0..6: from date_of(12) to date_of(6), and no
    # longer on date_of(5); the visit of 10 days ago from date_of(10) to date_of(4)
    assert _engagement(custom_build, "H_WINDOW") == [
        (HISTORY_FIRST_DAY, date_of(12), 0),
        (date_of(12), date_of(10), 10),
        (date_of(10), date_of(5), 20),
        (date_of(5), date_of(3), 10),
        (date_of(3), None, 0),
    ]
    assert_row(custom_build.period_on("H_WINDOW", HIST, date_of(7)), "both visits",
               engagement_level=3, matrix_cell="D3", tier="cold", is_mql=False)  # fmt: skip


def test_a_lead_created_inside_the_history_starts_on_its_creation_day(
    custom_build: ScenarioResult,
) -> None:
    # created 15 days ago at 18:00, its visit the same day: no period before that day; the
    # visit counts for 7 days (ages 0..6), then nothing
    assert _engagement(custom_build, "H_NEW") == [
        (date_of(15), date_of(8), 10),
        (date_of(8), None, 0),
    ]
    assert_row(custom_build.funnel[("H_NEW", HIST)], "H_NEW funnel", created_on=date_of(15),
               mql_episodes=0, first_mql_on=None, is_created_before_history=False)  # fmt: skip


def test_an_excluded_lead_is_dead_from_its_first_day(custom_build: ScenarioResult) -> None:
    # excluded by its email domain from its creation day 8 days ago: total 0, dead, never an
    # MQL; its engagement still shows (the demo: 40, then 37 (40 * 0.5^0.1 = 37.32)...)
    periods = custom_build.periods("H_EXCLUDED", HIST)
    assert periods[0]["valid_from"] == date_of(8)
    outputs = {
        (
            row["total_score"],
            row["tier"],
            row["is_excluded"],
            row["exclusion_reason"],
            row["is_mql"],
        )
        for row in periods
    }
    assert outputs == {(0, "dead", True, "h_rival", False)}
    assert [row["engagement_score"] for row in periods[:2]] == [40, 37]
    assert custom_build.episodes.get(("H_EXCLUDED", HIST), []) == []


def test_events_after_as_of_are_in_no_period(custom_build: ScenarioResult) -> None:
    # its only demo is dated after as_of: one period, nothing scored, from the first day on
    assert _engagement(custom_build, "H_FUTURE") == [(HISTORY_FIRST_DAY, None, 0)]


@pytest.mark.parametrize("lead_id", ["H_REMQL", "H_WINDOW", "H_NEW", "H_EXCLUDED", "H_FUTURE"])
def test_the_current_period_is_lead_scores(custom_build: ScenarioResult, lead_id: str) -> None:
    current = custom_build.period_on(lead_id, HIST, AS_OF)
    assert current["valid_to"] is None
    score = custom_build.score(lead_id, HIST)
    for column in ("engagement_score", "total_score", "tier", "matrix_cell", "is_mql", "is_sql"):
        assert current[column] == score[column], column
