"""Engagement rules: decay, max_count, windows, `at_least`, event filters (scorecard `eng`) and
`none` with its eligibility (scorecard `nonecard`).

as_of is 2026-03-15; `day(n)` is a timestamp n whole days before it (age_days = n). Leads are
created 400 days before as_of unless told. Each rule has an event type of its own, so a
lead's events reach only the rule of its case.
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

ENG = "eng"
NONE = "nonecard"


def _events(
    lead_id: str, event_type: str, ages: list[int], detail: str = ""
) -> list[dict[str, str]]:
    return [
        event(f"{lead_id}-{index}", lead_id, event_type, day(age), detail)
        for index, age in enumerate(ages)
    ]


CUSTOM_SCORECARD_FIXTURE = FixturePart(
    scorecards=[scorecard(ENG), scorecard(NONE)],
    rules=[
        rule(
            ENG,
            "eng_decay",
            "engagement",
            operator="each",
            event_type="decay_evt",
            points="20",
            half_life_days="14",
            description="Decaying event",
        ),
        # inactive: kept in the seed, ignored (it would add 100 to every decay_evt)
        rule(
            ENG,
            "eng_decay_inactive",
            "engagement",
            operator="each",
            event_type="decay_evt",
            points="100",
            is_active="false",
        ),
        rule(
            ENG,
            "eng_recent",
            "engagement",
            operator="each",
            event_type="recent_evt",
            points="10",
            max_count="2",
            half_life_days="10",
        ),
        rule(
            ENG,
            "eng_window",
            "engagement",
            operator="each",
            event_type="window_evt",
            points="10",
            window_days="30",
        ),
        rule(
            ENG,
            "eng_at_least",
            "engagement",
            operator="at_least",
            value="3",
            event_type="visit_evt",
            points="7",
            window_days="10",
        ),
        # an empty operator is `each`
        rule(
            ENG,
            "eng_pricing",
            "engagement",
            event_type="page_hit",
            event_filter="%/pricing%",
            points="4",
        ),
        rule(ENG, "eng_any_page", "engagement", operator="each", event_type="page_hit", points="1"),
        # a backslash escapes % and _ in a filter (README): a literal '50%' and a literal '_'
        rule(
            ENG,
            "eng_literal_percent",
            "engagement",
            event_type="promo_hit",
            event_filter="%50\\% off%",
            points="3",
        ),
        rule(
            ENG,
            "eng_literal_underscore",
            "engagement",
            event_type="promo_hit",
            event_filter="summer\\_sale%",
            points="2",
        ),
        rule(
            NONE,
            "none_news",
            "engagement",
            operator="none",
            event_type="news_open",
            points="-10",
            window_days="30",
            description="No newsletter opened in 30 days",
        ),
    ],
    leads=[
        lead("E_DECAY_0"),
        lead("E_DECAY_7"),
        lead("E_DECAY_14"),
        lead("E_DECAY_28"),
        lead("E_DECAY_BOTH"),
        lead("E_MAX"),
        lead("E_WIN_IN"),
        lead("E_WIN_OUT"),
        lead("E_WIN_BOTH"),
        lead("E_AT_LEAST_BELOW"),
        lead("E_AT_LEAST_EQUAL"),
        lead("E_AT_LEAST_MORE"),
        lead("E_FILTER"),
        lead("E_ESCAPES"),
        # `none` eligibility: lead_age_days = as_of - created date, whole days
        lead("N_ELIGIBLE", day(30, "23:59:00")),
        lead("N_YOUNG", day(29, "00:00:00")),
        # 10 days old, with columns named like the project's own: they are just extra columns,
        # the lead's age is still 10 days (not eligible)
        lead("N_YOUNG_COLUMNS", day(10), lead_age_days="999", row_hash="x"),
        lead("N_MATCH_IN_WINDOW", day(100)),
        lead("N_MATCH_OUTSIDE", day(100)),
        lead("N_MATCH_AFTER_AS_OF", day(100)),
    ],
    events=[
        *_events("E_DECAY_0", "decay_evt", [0]),
        *_events("E_DECAY_7", "decay_evt", [7]),
        *_events("E_DECAY_14", "decay_evt", [14]),
        *_events("E_DECAY_28", "decay_evt", [28]),
        *_events("E_DECAY_BOTH", "decay_evt", [14, 28]),
        # not in date order in the file
        *_events("E_MAX", "recent_evt", [30, 0, 20, 10]),
        event("E_WIN_IN-0", "E_WIN_IN", "window_evt", day(29, "00:00:00")),
        event("E_WIN_OUT-0", "E_WIN_OUT", "window_evt", day(30, "23:59:59")),
        event("E_WIN_BOTH-0", "E_WIN_BOTH", "window_evt", day(29, "00:00:00")),
        event("E_WIN_BOTH-1", "E_WIN_BOTH", "window_evt", day(30, "23:59:59")),
        *_events("E_AT_LEAST_BELOW", "visit_evt", [0, 9, 10]),
        *_events("E_AT_LEAST_EQUAL", "visit_evt", [0, 1, 9]),
        *_events("E_AT_LEAST_MORE", "visit_evt", [0, 2, 5, 9, 10, 40]),
        event("E_FILTER-0", "E_FILTER", "page_hit", day(0), "/PRICING/enterprise"),
        event("E_FILTER-1", "E_FILTER", "page_hit", day(0), "/about"),
        event("E_ESCAPES-0", "E_ESCAPES", "promo_hit", day(0), "/Deals/50% OFF today"),
        event("E_ESCAPES-1", "E_ESCAPES", "promo_hit", day(0), "/deals/50x off"),
        event("E_ESCAPES-2", "E_ESCAPES", "promo_hit", day(0), "summer_sale/2026"),
        event("E_ESCAPES-3", "E_ESCAPES", "promo_hit", day(0), "summerXsale/2026"),
        *_events("N_MATCH_IN_WINDOW", "news_open", [29]),
        *_events("N_MATCH_OUTSIDE", "news_open", [30]),
        *_events("N_MATCH_AFTER_AS_OF", "news_open", [-1]),
    ],
)


@pytest.mark.parametrize(
    ("lead_id", "expected", "occurrences", "last_age"),
    [
        # age 0: 20 * 0.5^(0/14) = 20
        ("E_DECAY_0", 20, 1, 0),
        # age 7, half a half-life: 20 * 0.5^(7/14) = 20 / sqrt(2) = 14.1421356...
        ("E_DECAY_7", 20 * 0.5**0.5, 1, 7),
        # one half-life: 20 * 0.5^(14/14) = 10, exactly half
        ("E_DECAY_14", 10, 1, 14),
        # two half-lives: 20 * 0.5^(28/14) = 5, a quarter
        ("E_DECAY_28", 5, 1, 28),
        # each occurrence decays on its own: 10 + 5 = 15; the last one is 14 days old
        ("E_DECAY_BOTH", 15, 2, 14),
    ],
)
def test_decay(
    custom_build: ScenarioResult,
    lead_id: str,
    expected: float | int,
    occurrences: int,
    last_age: int,
) -> None:
    row = custom_build.rules(lead_id, ENG)["eng_decay"]
    assert_row(
        row, lead_id, points=expected, occurrences=occurrences, last_event_date=date_of(last_age)
    )
    # the inactive rule on the same event type adds nothing
    assert set(custom_build.rules(lead_id, ENG)) == {"eng_decay"}
    assert_row(custom_build.score(lead_id, ENG), lead_id, engagement_points=expected)


def test_max_count_keeps_the_most_recent_occurrences(custom_build: ScenarioResult) -> None:
    # 4 events aged 30, 0, 20, 10; max_count 2 keeps ages 0 and 10:
    # 10 * 0.5^(0/10) + 10 * 0.5^(10/10) = 10 + 5 = 15, 2 occurrences, last on as_of.
    # (the two oldest would give 10 * 0.5^2 + 10 * 0.5^3 = 3.75, last 20 days ago)
    assert_row(
        custom_build.rules("E_MAX", ENG)["eng_recent"],
        "E_MAX",
        points=15,
        occurrences=2,
        last_event_date=AS_OF,
        rule_points=10,
    )
    assert_row(custom_build.score("E_MAX", ENG), "E_MAX", engagement_points=15, engagement_score=15)


def test_window_edges(custom_build: ScenarioResult) -> None:
    # window_days 30 keeps age_days < 30, in whole days whatever the time of day:
    # age 29 (at 00:00:00) counts, age 30 (at 23:59:59) does not. No decay: 10 each.
    assert_row(
        custom_build.rules("E_WIN_IN", ENG)["eng_window"],
        "age 29",
        points=10,
        occurrences=1,
        last_event_date=date_of(29),
    )
    assert "eng_window" not in custom_build.rules("E_WIN_OUT", ENG)
    assert_row(custom_build.score("E_WIN_OUT", ENG), "E_WIN_OUT", engagement_points=0)
    # both: only the age-29 event counts -> 10, 1 occurrence
    assert_row(
        custom_build.rules("E_WIN_BOTH", ENG)["eng_window"],
        "ages 29+30",
        points=10,
        occurrences=1,
        last_event_date=date_of(29),
    )


def test_at_least(custom_build: ScenarioResult) -> None:
    # at_least 3 visits in a 10-day window (age < 10), +7 once.
    # ages 0, 9 in the window, 10 outside: 2 < 3 -> nothing
    assert "eng_at_least" not in custom_build.rules("E_AT_LEAST_BELOW", ENG)
    # ages 0, 1, 9: 3 >= 3 -> 7; occurrences = the 3 matching events
    assert_row(
        custom_build.rules("E_AT_LEAST_EQUAL", ENG)["eng_at_least"],
        "equal",
        points=7,
        occurrences=3,
        last_event_date=AS_OF,
    )
    # ages 0, 2, 5, 9 in the window (10 and 40 are not): 4 >= 3 -> 7, once, 4 occurrences
    assert_row(
        custom_build.rules("E_AT_LEAST_MORE", ENG)["eng_at_least"],
        "more",
        points=7,
        occurrences=4,
        last_event_date=AS_OF,
    )
    assert_row(custom_build.score("E_AT_LEAST_MORE", ENG), "more", engagement_points=7)


def test_event_filter_and_an_event_matching_two_rules(custom_build: ScenarioResult) -> None:
    # '/PRICING/enterprise' is like '%/pricing%' case-insensitively -> eng_pricing 4, once;
    # '/about' is not. Both page hits match eng_any_page (no filter) -> 1 + 1 = 2.
    # The pricing hit counts for both rules: 4 + 2 = 6.
    rules = custom_build.rules("E_FILTER", ENG)
    assert_row(rules["eng_pricing"], "pricing", points=4, occurrences=1)
    assert_row(rules["eng_any_page"], "any page", points=2, occurrences=2)
    assert_row(custom_build.score("E_FILTER", ENG), "E_FILTER", engagement_points=6)


def test_event_filter_escapes(custom_build: ScenarioResult) -> None:
    # '%50\\% off%' matches '/Deals/50% OFF today' (case-insensitively) but not
    # '/deals/50x off' (the % is literal): 3, once; 'summer\\_sale%' matches 'summer_sale/2026'
    # but not 'summerXsale/2026' (the _ is literal): 2, once. 3 + 2 = 5
    rules = custom_build.rules("E_ESCAPES", ENG)
    assert_row(rules["eng_literal_percent"], "literal %", points=3, occurrences=1)
    assert_row(rules["eng_literal_underscore"], "literal _", points=2, occurrences=1)
    assert_row(custom_build.score("E_ESCAPES", ENG), "E_ESCAPES", engagement_points=5)


def test_none_applies_to_a_lead_old_enough_without_matching_event(
    custom_build: ScenarioResult,
) -> None:
    # created 30 days before as_of (at 23:59): lead_age_days 30 >= window 30 -> eligible;
    # no news_open at all -> -10 once, occurrences 0, no last event date
    assert_row(
        custom_build.rules("N_ELIGIBLE", NONE)["none_news"],
        "N_ELIGIBLE",
        points=-10,
        occurrences=0,
        last_event_date=None,
    )
    assert_row(
        custom_build.score("N_ELIGIBLE", NONE),
        "N_ELIGIBLE",
        engagement_points=-10,
        engagement_score=0,
        total_score=0,
    )


def test_none_skips_a_lead_younger_than_the_window(custom_build: ScenarioResult) -> None:
    # created 29 days before as_of: 29 < 30, it has not had 30 days to open -> nothing
    assert custom_build.rules("N_YOUNG", NONE) == {}
    assert_row(custom_build.score("N_YOUNG", NONE), "N_YOUNG", engagement_points=0)
    # its own 'lead_age_days' column (999) is an extra column, not its age
    assert custom_build.rules("N_YOUNG_COLUMNS", NONE) == {}


def test_none_skips_a_lead_with_a_matching_event_in_the_window(
    custom_build: ScenarioResult,
) -> None:
    # a news_open 29 days ago is in the window (29 < 30) -> nothing
    assert custom_build.rules("N_MATCH_IN_WINDOW", NONE) == {}


def test_none_ignores_events_outside_the_window(custom_build: ScenarioResult) -> None:
    # a news_open 30 days ago is outside the window (30 is not < 30) -> -10
    assert_row(
        custom_build.rules("N_MATCH_OUTSIDE", NONE)["none_news"],
        "outside",
        points=-10,
        occurrences=0,
    )
    # a news_open after as_of is ignored -> -10
    assert_row(
        custom_build.rules("N_MATCH_AFTER_AS_OF", NONE)["none_news"],
        "after as_of",
        points=-10,
        occurrences=0,
    )
