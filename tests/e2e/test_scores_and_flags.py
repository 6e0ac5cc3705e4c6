"""From points to scores: rounding and clamping, tiers, fit grades, engagement levels, matrix
cells and segments, MQL and SQL (scorecard `flags`).

Scorecard `flags`: MQL when total >= 40 and fit_score >= 15; SQL when an MQL has total >= 70
or a demo_request less than 7 days old; hot >= 70, warm >= 40; grade A >= 30, B >= 20,
C >= 10 fit; level 1 >= 40, 2 >= 20, 3 >= 10 engagement; dead below -10 fit points.

Points are set by construction: the lead column `fit_pts` holds the fit points (rule
`fl_fit_<v>`: fit_pts equals 'v' -> v points), and one event of type `pts_<v>` is worth v
engagement points (rule `fl_eng_<v>`: each, no decay, no cap, no window). All events happen
on the as_of day. Segments are those of the shipped seed matrix_segments.csv (red: A1 A2 B1
B2; purple: A3 A4 B3 C1 C2; blue: the others).
"""

from __future__ import annotations

import pytest
from scenario import FixturePart, ScenarioResult, assert_row, day, event, lead, rule, scorecard

from lead_scoring.summary import summarize

FLAGS = "flags"

FIT_VALUES = ["60", "30", "29", "20", "19", "15", "14", "10", "9", "2.5", "-2.5", "-10", "-11"]
ENGAGEMENT_VALUES = ["60", "40", "20", "10", "9", "1", "12.5", "2.5"]


def _label(value: str) -> str:
    return value.replace("-", "minus").replace(".", "_")


# lead_id: (fit points as the fit_pts text or "", engagement events, age of a demo_request)
LEADS: dict[str, tuple[str, list[str], int | None]] = {
    "F_HOT_EDGE": ("30", ["40"], None),
    "F_WARM_TOP": ("29", ["40"], None),
    "F_MQL_EDGE": ("20", ["20"], None),
    "F_COLD_TOP": ("20", ["10", "9"], None),
    "F_FIT_EDGE": ("15", ["20", "10"], None),
    "F_FIT_LOW": ("14", ["20", "10", "1"], None),
    "F_GRADE_C": ("10", ["10"], None),
    "F_GRADE_D": ("9", ["9"], None),
    "F_GRADE_C_TOP": ("19", ["20", "10", "9"], None),
    "F_NOT_DEAD": ("-10", ["60"], None),
    "F_DEAD": ("-11", ["40", "40"], None),
    "F_TRIGGER_IN": ("20", ["20", "10"], 6),
    "F_TRIGGER_OUT": ("20", ["20", "10"], 7),
    "F_TRIGGER_NOT_MQL": ("10", ["10"], 0),
    "F_ROUND_FIT": ("2.5", [], None),
    "F_ROUND_NEG": ("-2.5", [], None),
    "F_ROUND_ENG": ("", ["12.5"], None),
    "F_ROUND_SUM": ("2.5", ["2.5"], None),
    "F_ROUND_MIX": ("-2.5", ["12.5"], None),
    "F_CLAMP": ("60", ["60", "60"], None),
    "F_A_CLAMP": ("30", ["60", "20"], None),
}


def _events(lead_id: str, engagement: list[str], trigger_age: int | None) -> list[dict[str, str]]:
    rows = [
        event(f"{lead_id}-{index}", lead_id, f"pts_{_label(value)}", day(0))
        for index, value in enumerate(engagement)
    ]
    if trigger_age is not None:
        rows.append(event(f"{lead_id}-demo", lead_id, "demo_request", day(trigger_age), "/demo"))
    return rows


CUSTOM_SCORECARD_FIXTURE = FixturePart(
    scorecards=[
        scorecard(
            FLAGS,
            mql_min_score="40",
            mql_min_fit="15",
            sql_min_score="70",
            sql_trigger_event_types="demo_request",
            sql_trigger_window_days="7",
            hot_min_score="70",
            warm_min_score="40",
            grade_a_min_fit="30",
            grade_b_min_fit="20",
            grade_c_min_fit="10",
            level_1_min_engagement="40",
            level_2_min_engagement="20",
            level_3_min_engagement="10",
            dead_below_fit_points="-10",
            # the fixtures build compares it with the shipped scorecard (scorecard_comparison
            # on every engine: test_engine_parity)
            baseline_scorecard_id="default",
        )
    ],
    rules=[
        *[
            rule(
                FLAGS,
                f"fl_fit_{_label(value)}",
                "fit",
                attribute="fit_pts",
                operator="equals",
                value=value,
                points=value,
                description=f"Fit {value}",
            )
            for value in FIT_VALUES
        ],
        *[
            rule(
                FLAGS,
                f"fl_eng_{_label(value)}",
                "engagement",
                operator="each",
                event_type=f"pts_{_label(value)}",
                points=value,
                description=f"Engagement {value}",
            )
            for value in ENGAGEMENT_VALUES
        ],
    ],
    leads=[lead(lead_id, fit_pts=fit) for lead_id, (fit, _, _) in LEADS.items()],
    events=[row for lead_id, (_, eng, age) in LEADS.items() for row in _events(lead_id, eng, age)],
)

COLUMNS = (
    "fit_points",
    "engagement_points",
    "fit_score",
    "engagement_score",
    "total_score",
    "fit_grade",
    "engagement_level",
    "matrix_cell",
    "segment",
    "tier",
    "is_mql",
    "is_sql",
)

# lead_id, then the COLUMNS; the comment says why
Case = tuple[str, str, str, int, int, int, str, int, str, str, str, bool, bool]
EXPECTED: list[Case] = [
    # 30 + 40 = 70 = hot 70 -> hot; fit 30 = A; engagement 40 = level 1 -> A1 red;
    # MQL (70 >= 40, fit 30 >= 15); SQL: 70 >= sql 70
    ("F_HOT_EDGE", "30", "40", 30, 40, 70, "A", 1, "A1", "red", "hot", True, True),
    # 29 + 40 = 69 < 70 -> warm, not SQL (no trigger); fit 29 -> B (< 30) -> B1 red; MQL
    ("F_WARM_TOP", "29", "40", 29, 40, 69, "B", 1, "B1", "red", "warm", True, False),
    # 20 + 20 = 40 = warm 40 = mql 40 -> warm MQL; fit 20 = B; engagement 20 = level 2 -> B2
    ("F_MQL_EDGE", "20", "20", 20, 20, 40, "B", 2, "B2", "red", "warm", True, False),
    # 20 + (10 + 9) = 39 < 40 -> cold, not MQL; engagement 19 < 20 -> level 3 -> B3 purple
    ("F_COLD_TOP", "20", "19", 20, 19, 39, "B", 3, "B3", "purple", "cold", False, False),
    # 15 + 30 = 45 -> warm; fit 15 = mql_min_fit 15 -> MQL; fit 15 -> C; 30 -> level 2 -> C2
    ("F_FIT_EDGE", "15", "30", 15, 30, 45, "C", 2, "C2", "purple", "warm", True, False),
    # 14 + 31 = 45 -> warm, but fit 14 < mql_min_fit 15 -> not MQL
    ("F_FIT_LOW", "14", "31", 14, 31, 45, "C", 2, "C2", "purple", "warm", False, False),
    # 10 + 10 = 20 -> cold; fit 10 = C; engagement 10 = level 3 -> C3 blue
    ("F_GRADE_C", "10", "10", 10, 10, 20, "C", 3, "C3", "blue", "cold", False, False),
    # 9 + 9 = 18 -> cold; fit 9 < 10 -> D; engagement 9 < 10 -> level 4 -> D4 blue
    ("F_GRADE_D", "9", "9", 9, 9, 18, "D", 4, "D4", "blue", "cold", False, False),
    # 19 + 39 = 58 -> warm, MQL (58 >= 40, 19 >= 15); fit 19 < 20 -> C; 39 < 40 -> level 2
    ("F_GRADE_C_TOP", "19", "39", 19, 39, 58, "C", 2, "C2", "purple", "warm", True, False),
    # -10 is not below dead_below_fit_points -10 -> not dead: -10 + 60 = 50 -> warm;
    # fit_score clamp(-10) = 0 < 15 -> not MQL; D1 blue
    ("F_NOT_DEAD", "-10", "60", 0, 60, 50, "D", 1, "D1", "blue", "warm", False, False),
    # -11 < -10 -> dead (total stays round(-11 + 80) = 69, only exclusion zeroes it);
    # dead -> not MQL; D1 blue
    ("F_DEAD", "-11", "80", 0, 80, 69, "D", 1, "D1", "blue", "dead", False, False),
    # 20 + 30 = 50 -> warm MQL, < sql 70, but a demo_request 6 days old (6 < 7) -> SQL
    ("F_TRIGGER_IN", "20", "30", 20, 30, 50, "B", 2, "B2", "red", "warm", True, True),
    # the same with the demo_request 7 days old (7 is not < 7) -> not SQL
    ("F_TRIGGER_OUT", "20", "30", 20, 30, 50, "B", 2, "B2", "red", "warm", True, False),
    # 10 + 10 = 20 < 40 -> not MQL; a demo_request today does not make it an SQL
    ("F_TRIGGER_NOT_MQL", "10", "10", 10, 10, 20, "C", 3, "C3", "blue", "cold", False, False),
    # fit 2.5 -> round half away from zero = 3; total round(2.5) = 3
    ("F_ROUND_FIT", "2.5", "0", 3, 0, 3, "D", 4, "D4", "blue", "cold", False, False),
    # fit -2.5 -> round = -3 -> clamp 0; total round(-2.5) = -3 -> clamp 0
    ("F_ROUND_NEG", "-2.5", "0", 0, 0, 0, "D", 4, "D4", "blue", "cold", False, False),
    # engagement 12.5 -> 13; total 13
    ("F_ROUND_ENG", "0", "12.5", 0, 13, 13, "D", 3, "D3", "blue", "cold", False, False),
    # fit 2.5 -> 3, engagement 2.5 -> 3, but total = round(2.5 + 2.5) = 5, not 3 + 3 = 6
    ("F_ROUND_SUM", "2.5", "2.5", 3, 3, 5, "D", 4, "D4", "blue", "cold", False, False),
    # fit -2.5 -> 0, engagement 12.5 -> 13, total = round(-2.5 + 12.5) = 10, not 0 + 13
    ("F_ROUND_MIX", "-2.5", "12.5", 0, 13, 10, "D", 3, "D3", "blue", "cold", False, False),
    # fit 60, engagement 60 + 60 = 120 -> clamp 100; total round(180) -> clamp 100 -> hot,
    # MQL, SQL (100 >= 70)
    ("F_CLAMP", "60", "120", 60, 100, 100, "A", 1, "A1", "red", "hot", True, True),
    # 30 + 80 = 110 -> clamp 100, like F_CLAMP's 180: the summary ranks it second
    ("F_A_CLAMP", "30", "80", 30, 80, 100, "A", 1, "A1", "red", "hot", True, True),
]


@pytest.mark.parametrize("case", EXPECTED, ids=[case[0] for case in EXPECTED])
def test_scores_tiers_grades_and_flags(custom_build: ScenarioResult, case: Case) -> None:
    lead_id, *values = case
    assert_row(
        custom_build.score(lead_id, FLAGS),
        lead_id,
        **dict(zip(COLUMNS, values, strict=True)),
        is_excluded=False,
        exclusion_reason=None,
    )


def test_every_case_lead_is_expected() -> None:
    assert [case[0] for case in EXPECTED] == list(LEADS)


def test_score_reasons_show_points_rounded_half_away_from_zero(
    custom_build: ScenarioResult,
) -> None:
    # 2.5 -> +3, -2.5 -> -3 (not banker's rounding to 2 / -2)
    assert custom_build.score("F_ROUND_FIT", FLAGS)["score_reasons"] == "Fit 2.5 +3"
    assert custom_build.score("F_ROUND_NEG", FLAGS)["score_reasons"] == "Fit -2.5 -3"
    # F_ROUND_MIX: |12.5| first -> +13, then |-2.5| -> -3
    assert (
        custom_build.score("F_ROUND_MIX", FLAGS)["score_reasons"]
        == "Engagement 12.5 +13, Fit -2.5 -3"
    )


def test_the_comparison_with_the_baseline_counts_every_lead(custom_build: ScenarioResult) -> None:
    """`flags` names `default` as its baseline: scorecard_comparison pairs every lead of the
    build, and its counts are those of lead_scores (test_engine_parity: on every engine)."""
    (row,) = custom_build.comparison["scorecard_comparison"]
    leads = custom_build.lead_ids()
    mql = {lead for lead in leads if custom_build.score(lead, FLAGS)["is_mql"]}
    baseline_mql = {lead for lead in leads if custom_build.score(lead, "default")["is_mql"]}
    assert (row["scorecard_id"], row["baseline_scorecard_id"], row["leads"]) == (
        FLAGS,
        "default",
        len(leads),
    )
    assert (row["mql_leads"], row["mqls_gained"], row["mqls_lost"]) == (
        len(mql),
        len(mql - baseline_mql),
        len(baseline_mql - mql),
    )
    transitions = custom_build.comparison["scorecard_tier_transitions"]
    assert sum(cell["leads"] for cell in transitions) == len(leads)


def test_the_summary_ranks_clamped_scores_by_their_points(custom_build: ScenarioResult) -> None:
    """F_CLAMP (180 points) and F_A_CLAMP (110) both score 100: the top list puts F_CLAMP
    first, though F_A_CLAMP's id sorts first."""
    if custom_build.database is None:
        pytest.skip("the summary reads a DuckDB file")
    section = summarize(custom_build.database).split(f"Scorecard {FLAGS} ")[1]
    top = section.split("Top 10 leads")[1].splitlines()
    ranked = [line.split()[0] for line in top if line.startswith(("F_", "  F_", " F_"))]
    assert ranked[:2] == ["F_CLAMP", "F_A_CLAMP"], top
