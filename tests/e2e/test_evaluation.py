"""The evaluation (SCORING.md §6): the scores of past cut-off days against the conversions of
the horizon after them, on every engine, worked out by hand.

Scorecard `eval` (shipped cut-offs: MQL at 30, warm 30, hot 60; grade A from 30 fit): a
director +40 fit (grade A); each `e_demo` +30 engagement, no decay, no window. The build is
the fixture alone (conftest.EVALUATION_VARS): 30 days of history, horizon 10 days, cut-offs
20 days (c1) and 10 days (c2) before AS_OF evaluated; 5 days (no full horizon) and 40 days
(before the history) are not. `day(n)` is n days before AS_OF.

lead           score c1 / c2   converts             at c1 (outcome: day 19..10)  at c2 (day 9..0)
E_DIR_CONV     40 / 40         day 15               converted                    out (before c2)
E_DIR          40 / 40         never                not                          not
E_DEMO_CONV    30 / 30         day 8                not (after the horizon)      converted
E_HORIZON_END  30 / 30         day 10               converted (horizon's last)   out (on c2)
E_LATE         - / 0           day 3                not created yet              converted
E_NONE         0 / 0           never                not                          not
E_BEFORE       0 / 0           day 30               out                          out
E_EDGE         0 / 0           day 20 late, day 5   out (the earliest decides)   out

A conversion of a lead that is not in the leads file (E_NOBODY) changes nothing.
"""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction

import pytest
from scenario import FixturePart, ScenarioResult, date_of, day, event, lead, rule, scorecard

from lead_scoring.summary import summarize

EVAL = "eval"
C1, C2 = date_of(20), date_of(10)

EVALUATION_FIXTURE = FixturePart(
    scorecards=[scorecard(EVAL, mql_min_fit="0", dead_below_fit_points="")],
    rules=[
        rule(
            EVAL,
            "e_director",
            "fit",
            attribute="job_title",
            operator="contains",
            value="director",
            points="40",
        ),
        rule(EVAL, "e_demo", "engagement", event_type="e_demo", points="30"),
    ],
    leads=[
        lead("E_DIR_CONV", job_title="Director of Sales"),
        lead("E_DIR", job_title="Marketing Director"),
        lead("E_DEMO_CONV"),
        lead("E_HORIZON_END"),
        lead("E_LATE", created_at=day(12)),
        lead("E_NONE"),
        lead("E_BEFORE"),
        lead("E_EDGE"),
    ],
    events=[
        event("e-demo-conv", "E_DEMO_CONV", "e_demo", day(25)),
        event("e-horizon-end", "E_HORIZON_END", "e_demo", day(22)),
    ],
    conversions=[
        {"lead_id": "E_DIR_CONV", "converted_at": day(15)},
        {"lead_id": "E_DEMO_CONV", "converted_at": day(8)},
        {"lead_id": "E_HORIZON_END", "converted_at": day(10, "23:59:59")},
        {"lead_id": "E_LATE", "converted_at": day(3)},
        {"lead_id": "E_BEFORE", "converted_at": day(30)},
        {"lead_id": "E_EDGE", "converted_at": day(5)},
        {"lead_id": "E_EDGE", "converted_at": day(20, "23:59:59")},
        {"lead_id": "E_NOBODY", "converted_at": day(12)},
    ],
)


# Leads with conversions in the fixtures build (shipped scorecard, 365 days of history,
# default cut-offs every 30 days from 90 days before AS_OF): every scorecard of that build has
# a non-trivial evaluation, which test_engine_parity compares on every engine.
DEFAULT_SCORECARD_FIXTURE = FixturePart(
    leads=[
        lead("EV_BUYER", job_title="VP of Marketing", industry="Software", company_size="250"),
        lead("EV_BROWSER", job_title="Marketing Manager"),
        lead("EV_LATE_BUYER", job_title="Director of Sales"),
        lead("EV_NEVER"),
    ],
    events=[
        event("ev-buyer-demo", "EV_BUYER", "demo_request", day(100)),
        event("ev-browser-pricing", "EV_BROWSER", "pricing_page", day(130)),
    ],
    conversions=[
        {"lead_id": "EV_BUYER", "converted_at": day(60)},
        {"lead_id": "EV_LATE_BUYER", "converted_at": day(200)},
    ],
)


def approx(value: float) -> object:
    """A logarithm: equal to the last bits but for the engine's ln."""
    return pytest.approx(value, rel=1e-12)


def ratio(numerator: int, denominator: int) -> float:
    """What the marts hold: the fraction as the nearest double."""
    return float(Fraction(numerator, denominator))


def test_only_cutoffs_with_a_full_horizon_in_the_history(evaluation_build: ScenarioResult) -> None:
    assert set(evaluation_build.evaluation) == {(EVAL, C1), (EVAL, C2), (EVAL, None)}


def test_the_fixtures_build_is_evaluated(default_build: ScenarioResult) -> None:
    """Every scorecard of the fixtures build has its pooled row, with conversions to judge."""
    scorecard_ids = {scorecard_id for _, scorecard_id in default_build.scores}
    for scorecard_id in scorecard_ids:
        assert default_build.evaluation[(scorecard_id, None)]["conversions"] > 0, scorecard_id


def test_figures_of_each_cutoff_and_pooled(evaluation_build: ScenarioResult) -> None:
    # c1: scores 40 (converted), 40, 30, 30 (converted), 0: 2 converting, 3 not, 6 pairs. The
    # converting 40 beats the 30 and the 0 and ties the 40 (2.5), the converting 30 beats the
    # 0 and ties the 30 (1.5): AUC 4 / 6. KS at >= 30: all of the converting, 2/3 of the
    # others. MQLs: the four >= 30, 2 converting. Deciles: the 40s 1 (0 above), the 30s
    # 1 + 10 x 2 // 5 = 5, the 0 9; the top decile is the two 40s, one converting.
    c1 = {
        "cutoffs": 1, "horizon_days": 10, "leads": 5, "conversions": 2,
        "conversion_rate": ratio(2, 5), "auc": ratio(4, 6), "gini": ratio(1, 3),
        "ks": ratio(1, 3), "mql_leads": 4, "mql_conversions": 2,
        "mql_conversion_rate": ratio(1, 2), "non_mql_conversion_rate": 0.0,
        "mql_lift": ratio(5, 4), "mql_recall": 1.0, "top_decile_leads": 2,
        "top_decile_conversions": 1, "top_decile_lift": ratio(5, 4),
    }  # fmt: skip
    # c2: 40, 30 (converted), 0 (converted: E_LATE), 0: the converting 30 beats a 0 (1), the
    # converting 0 ties the other (0.5): AUC 1.5 / 4, Gini -1/4; no threshold puts more of the
    # converting than of the others above it: KS 0. MQLs: the 40 and the 30, one converting,
    # as many as the others: lift 1. The top decile is the 40 alone, not converting: lift 0.
    c2 = {
        "cutoffs": 1, "horizon_days": 10, "leads": 4, "conversions": 2,
        "conversion_rate": 0.5, "auc": ratio(3, 8), "gini": ratio(-1, 4), "ks": 0.0,
        "mql_leads": 2, "mql_conversions": 1, "mql_conversion_rate": 0.5,
        "non_mql_conversion_rate": 0.5, "mql_lift": 1.0, "mql_recall": 0.5,
        "top_decile_leads": 1, "top_decile_conversions": 0, "top_decile_lift": 0.0,
    }  # fmt: skip
    # pooled, 9 leads: converting 40, 30, 30, 0 against 40, 40, 30, 0, 0 (20 pairs): the 40
    # wins 3 and ties 2 (4), each 30 wins 2 and ties 1 (2.5), the 0 ties 2 (1): AUC 10 / 20.
    # KS at >= 30: 3/4 - 3/5 = 3/20. MQLs 6, 3 converting; the others 3, 1 converting (E_LATE).
    # The top decile: the two 40s of c1 and the 40 of c2, one converting: (1/3) / (4/9).
    pooled = {
        "cutoffs": 2, "horizon_days": 10, "leads": 9, "conversions": 4,
        "conversion_rate": ratio(4, 9), "auc": 0.5, "gini": 0.0, "ks": ratio(3, 20),
        "mql_leads": 6, "mql_conversions": 3, "mql_conversion_rate": 0.5,
        "non_mql_conversion_rate": ratio(1, 3), "mql_lift": ratio(9, 8),
        "mql_recall": ratio(3, 4), "top_decile_leads": 3, "top_decile_conversions": 1,
        "top_decile_lift": ratio(3, 4),
    }  # fmt: skip
    for cutoff, expected in ((C1, c1), (C2, c2), (None, pooled)):
        row = evaluation_build.evaluation[(EVAL, cutoff)]
        assert row["is_pooled"] is (cutoff is None)
        assert {column: row[column] for column in expected} == expected, cutoff


def test_bands_rank_from_the_best_down(evaluation_build: ScenarioResult) -> None:
    def bands(band_type: str) -> list[tuple[object, ...]]:
        rows = [
            row
            for (scorecard_id, cutoff, kind, _), row in evaluation_build.bands.items()
            if scorecard_id == EVAL and cutoff == C1 and kind == band_type
        ]
        return [
            (
                row["band_rank"], row["band"], row["leads"], row["conversions"], row["lift"],
                row["cumulative_lead_share"], row["cumulative_conversion_share"],
            )
            for row in sorted(rows, key=lambda row: row["band_rank"])
        ]  # fmt: skip

    # c1: warm (40, 40, 30, 30; average 35; 2 converting) before cold (the 0): lift
    # (2/4) / (2/5) = 5/4; after warm 4/5 of the leads and all the conversions
    assert bands("tier") == [
        (1, "warm", 4, 2, ratio(5, 4), ratio(4, 5), 1.0),
        (2, "cold", 1, 0, 0.0, 1.0, 1.0),
    ]
    # grade A (the directors, average 40) before D (30, 30, 0): one conversion each
    assert bands("fit_grade") == [
        (1, "A", 2, 1, ratio(5, 4), ratio(2, 5), 0.5),
        (2, "D", 3, 1, ratio(5, 6), 1.0, 1.0),
    ]
    # deciles 1 (the 40s), 5 (the 30s), 9 (the 0)
    assert bands("score_decile") == [
        (1, "1", 2, 1, ratio(5, 4), ratio(2, 5), 0.5),
        (2, "5", 2, 1, ratio(5, 4), ratio(4, 5), 1.0),
        (3, "9", 1, 0, 0.0, 1.0, 1.0),
    ]


def test_rules_judged_by_their_leads(evaluation_build: ScenarioResult) -> None:
    def figures(rule_id: str, cutoff: date | None) -> tuple[object, ...]:
        row = evaluation_build.rule_evaluation[(EVAL, cutoff, rule_id)]
        return (
            row["leads"], row["conversions"], row["other_leads"], row["other_conversions"],
            row["lift"], row["weight_of_evidence"], row["information_value"],
            row["is_wrong_way"], row["direction"].split(":")[0],
        )  # fmt: skip

    def iv(rule: tuple[int, int], other: tuple[int, int], totals: tuple[int, int]) -> float:
        """(share of the converting - of the others) x WoE, over the two bands ((converting,
        not converting) counts of each, and of the population)."""
        return sum(
            (band[0] / totals[0] - band[1] / totals[1])
            * math.log((band[0] * totals[1]) / (band[1] * totals[0]))
            for band in (rule, other)
        )

    # c1 (5 leads, 2 converting): the directors E_DIR_CONV (converting) and E_DIR; the demo
    # requests of days 25 and 22, E_DEMO_CONV and E_HORIZON_END (converting): each rule 1 of
    # 2 against 1 of 3, lift (1/2) / (2/5) = 5/4, WoE ln((1/2) / (1/3)) = ln 1.5
    c1 = (2, 1, 3, 1, ratio(5, 4), approx(math.log(1.5)), approx(iv((1, 1), (1, 2), (2, 3))))
    assert figures("e_director", C1) == (*c1, False, "right way")
    assert figures("e_demo", C1) == (*c1, False, "right way")
    # c2 (4 leads, E_DEMO_CONV and E_LATE converting): the director E_DIR does not convert
    # (lift 0: +40 points the wrong way), the demo request's E_DEMO_CONV does (lift 2); each
    # band has one outcome only, so WoE and IV are unbounded (null)
    assert figures("e_director", C2) == (1, 0, 3, 2, 0.0, None, None, True, "wrong way")
    assert figures("e_demo", C2) == (1, 1, 3, 1, 2.0, None, None, False, "right way")
    # pooled (9 leads, 4 converting): the directors 1 of 3 (lift (1/3) / (4/9) = 3/4, the
    # wrong way), the demo requests 2 of 3 (lift 3/2)
    assert figures("e_director", None) == (
        3, 1, 6, 3, ratio(3, 4), approx(math.log(5 / 8)), approx(iv((1, 2), (3, 3), (4, 5))),
        True, "wrong way",
    )  # fmt: skip
    assert figures("e_demo", None) == (
        3, 2, 6, 2, ratio(3, 2), approx(math.log(2.5)), approx(iv((2, 1), (2, 4), (4, 5))),
        False, "right way",
    )  # fmt: skip


def test_the_summary_shows_the_pooled_evaluation(evaluation_build: ScenarioResult) -> None:
    if evaluation_build.database is None:
        pytest.skip("the summary reads a DuckDB file")
    summary = summarize(evaluation_build.database)
    # pooled: AUC 0.5, Gini 0, KS 3/20, MQL lift 9/8 and recall 3/4, top-decile lift 3/4
    assert "conversions within 10 days of 2 past cut-offs (9 lead-days, 4 converted" in summary
    assert "AUC 0.500   Gini 0.000   KS 0.150   MQL lift 1.12 (recall 75%)" in summary
    assert "top-decile lift 0.75" in summary
