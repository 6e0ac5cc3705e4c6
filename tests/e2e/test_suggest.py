"""`lead-scoring suggest` (src/lead_scoring/suggest.py): learned points, worked out by hand.

The folder: leads L001..L300 created a year before the cut-off (2025-12-15) with a custom
column `Plan` (Gold / Silver / Bronze by i % 3, spelled with capitals: rules compare the
trimmed lower-case value); lead i converts 30 days after the cut-off (inside the 90-day
horizon) when its plan says so (gold: i even, silver: i % 5 == 0, bronze: i % 25 == 0) or
when it asked for a demo (i % 7 == 0, not i % 35 == 0). The demo_request events are 10 days
before the cut-off (inside the 90-day window). Three events and three leads must not count:

- L001's demo_request 105 days before the cut-off (outside the window) and L002's 5 days after
  it (after the cut-off): both count as no event;
- L301 converted before the cut-off and L302 was created after it: not in the population;
  L303 converts after the horizon: in the population, not converted.

The expected bands, weights of evidence and points follow the formula of suggest.py's
docstring from the counts of the training part (md5 split), computed here from the table.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import background
import pytest
from scenario import EVENT_COLUMNS, cli_or_fail, copy_project, write_csv

from lead_scoring import suggest

CUTOFF = date(2025, 12, 15)
PLANS = ("Gold", "Silver", "Bronze")
NEW = "learned"


def at(days_after_cutoff: int) -> str:
    return f"{(CUTOFF + timedelta(days=days_after_cutoff)).isoformat()} 09:00:00"


@dataclass(frozen=True)
class Lead:
    lead_id: str
    plan: str
    demo_events: int  # demo_request events in the window before the cut-off
    converted: bool  # in the horizon
    in_population: bool = True
    created: int = -365  # days after the cut-off


def _leads() -> list[Lead]:
    leads = []
    for i in range(1, 301):
        plan = PLANS[i % 3]
        by_plan = {"Gold": i % 2 == 0, "Silver": i % 5 == 0, "Bronze": i % 25 == 0}[plan]
        demo = i % 7 == 0
        leads.append(Lead(f"L{i:03d}", plan, int(demo), by_plan or (demo and i % 35 != 0)))
    return [
        *leads,
        Lead("L301", "Gold", 0, False, in_population=False),
        Lead("L302", "Gold", 0, False, in_population=False, created=17),
        Lead("L303", "Gold", 0, False),
    ]


LEADS = _leads()
POPULATION = [lead for lead in LEADS if lead.in_population]


def training_part(lead_id: str) -> bool:
    """The split as the docstring defines it (MD5, first 8 hex digits, modulo 100, below 70)."""
    return int(hashlib.md5(lead_id.encode()).hexdigest()[:8], 16) % 100 < 70


TRAINING = [lead for lead in POPULATION if training_part(lead.lead_id)]


def woe(band: list[Lead], bands: int) -> float:
    """SCORING.md §6's weight of evidence with half a lead added to each band (suggest.py)."""
    conversions = sum(lead.converted for lead in TRAINING)
    others = len(TRAINING) - conversions
    converting = sum(lead.converted for lead in band)
    return math.log((converting + 0.5) / (conversions + 0.5 * bands)) - math.log(
        (len(band) - converting + 0.5) / (others + 0.5 * bands)
    )


def half_away(value: float) -> int:
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


# the three plans are three bands (their conversion rates differ widely and each holds a third
# of the leads); bronze is the weakest: 0 points. The demo events: no event / 1+ events.
PLAN_WOE = {plan: woe([lead for lead in TRAINING if lead.plan == plan], 3) for plan in PLANS}
DEMO_WOE = [woe([lead for lead in TRAINING if lead.demo_events == count], 2) for count in (0, 1)]
# the best possible lead (gold with a demo) gets 100 points
FACTOR = 100 / (max(PLAN_WOE.values()) - min(PLAN_WOE.values()) + DEMO_WOE[1] - DEMO_WOE[0])
PLAN_POINTS = {
    plan: half_away((value - min(PLAN_WOE.values())) * FACTOR) for plan, value in PLAN_WOE.items()
}
DEMO_POINTS = half_away((DEMO_WOE[1] - DEMO_WOE[0]) * FACTOR)


def learned_score(lead: Lead) -> int:
    return max(0, min(100, PLAN_POINTS[lead.plan] + DEMO_POINTS * lead.demo_events))


@dataclass(frozen=True)
class SuggestRun:
    output: str
    scorecards: list[dict[str, str]]
    rules: list[dict[str, str]]
    scores: dict[str, dict[str, int]]  # scorecard_id -> lead_id -> total_score at the cut-off
    database: Path


@background.job("suggest_run")
def run_suggest(workdir: Path) -> SuggestRun:
    project, raw = workdir / "project", workdir / "raw"
    project.mkdir()
    raw.mkdir()
    copy_project(project)
    leads = [
        {"lead_id": lead.lead_id, "Plan": lead.plan, "created_at": at(lead.created)}
        for lead in LEADS
    ]
    write_csv(raw / "leads.csv", leads, ("lead_id", "created_at", "Plan"))

    def demo(event_id: str, lead_id: str, days_after_cutoff: int) -> dict[str, str]:
        return {"event_id": event_id, "lead_id": lead_id, "event_type": "demo_request",
                "occurred_at": at(days_after_cutoff)}  # fmt: skip

    events = [demo(f"E{lead.lead_id}", lead.lead_id, -10) for lead in LEADS if lead.demo_events]
    events += [demo("E_OLD", "L001", -105), demo("E_AFTER", "L002", 5)]
    write_csv(raw / "lead_events.csv", events, EVENT_COLUMNS)
    conversions = [
        {"lead_id": lead.lead_id, "converted_at": at(30)} for lead in LEADS if lead.converted
    ]
    conversions += [
        {"lead_id": "L301", "converted_at": at(-3)},
        {"lead_id": "L302", "converted_at": at(40)},
        {"lead_id": "L303", "converted_at": at(95)},
    ]
    write_csv(raw / "conversions.csv", conversions, ("lead_id", "converted_at"))
    output = cli_or_fail(
        project, workdir, "suggest", "--raw-path", str(raw), "--cutoff", CUTOFF.isoformat(),
        "--scorecard-id", NEW, "--from-scorecard", "default", "--attributes", "Plan",
    )  # fmt: skip
    database = project / "target" / "suggest.duckdb"
    _, scorecards = suggest.read_seed(project / "seeds" / "scorecards.csv")
    _, rules = suggest.read_seed(project / "seeds" / "scorecard_rules.csv")
    return SuggestRun(
        output,
        scorecards,
        rules,
        suggest.read_data(database, CUTOFF, 90, [], None).scores,
        database,
    )


@pytest.fixture(scope="module")
def suggest_run() -> SuggestRun:
    result: SuggestRun = background.result("suggest_run")
    return result


def test_the_learned_rules(suggest_run: SuggestRun) -> None:
    """Gold and silver get points over bronze (0 points: no rule); a demo request its points;
    the default scorecard's exclusion rules are copied under new ids."""
    learned = [rule for rule in suggest_run.rules if rule["scorecard_id"] == NEW]
    fit_and_engagement = {
        (rule["dimension"], rule["attribute"] or rule["event_type"], rule["operator"],
         rule["value"], int(rule["points"]), rule["window_days"])
        for rule in learned
        if rule["dimension"] != "exclusion"
    }  # fmt: skip
    assert fit_and_engagement == {
        ("fit", "plan", "in", "gold", PLAN_POINTS["Gold"], ""),
        ("fit", "plan", "in", "silver", PLAN_POINTS["Silver"], ""),
        ("engagement", "demo_request", "at_least", "1", DEMO_POINTS, "90"),
    }
    assert PLAN_POINTS["Bronze"] == 0 < PLAN_POINTS["Silver"] < PLAN_POINTS["Gold"]
    exclusions = sorted(rule["rule_id"] for rule in learned if rule["dimension"] == "exclusion")
    default = sorted(
        rule["rule_id"]
        for rule in suggest_run.rules
        if rule["scorecard_id"] == "default" and rule["dimension"] == "exclusion"
    )
    assert exclusions == [f"{NEW}_{rule_id}" for rule_id in default]
    assert {rule["rule_group"] for rule in learned if rule["dimension"] == "fit"} == {"plan"}


def test_the_window_and_the_cutoff_bound_the_events(suggest_run: SuggestRun) -> None:
    """The demo rule's description counts the training leads with a demo in the window: L001's
    old event and L002's later one are not among them."""
    demo = [lead for lead in TRAINING if lead.demo_events]
    (rule,) = [
        rule
        for rule in suggest_run.rules
        if rule["scorecard_id"] == NEW and rule["event_type"] == "demo_request"
    ]
    converted = sum(lead.converted for lead in demo)
    assert rule["description"] == (
        f"1+ demo_request events (learned: {converted} of {len(demo)} training leads converted)"
    )
    assert {"L001", "L002"} <= {lead.lead_id for lead in TRAINING}


def test_dbt_scores_the_learned_rules_as_learned(suggest_run: SuggestRun) -> None:
    """The build after the seeds were written scores every population lead, and only them,
    with the learned points (plan + demo, clamped to 0..100)."""
    scores = suggest_run.scores[NEW]
    assert scores == {lead.lead_id: learned_score(lead) for lead in POPULATION}


def test_the_cutoffs_are_quantiles_of_the_training_scores(suggest_run: SuggestRun) -> None:
    """hot and SQL: the lowest score of the top tenth of the training leads; warm and MQL: of
    the top 30 %; the rest of the row comes from the default scorecard."""
    (row,) = [row for row in suggest_run.scorecards if row["scorecard_id"] == NEW]
    (default,) = [row for row in suggest_run.scorecards if row["scorecard_id"] == "default"]
    totals = sorted((learned_score(lead) for lead in TRAINING), reverse=True)
    hot = totals[math.ceil(0.1 * len(totals)) - 1]
    warm = totals[math.ceil(0.3 * len(totals)) - 1]
    assert (row["hot_min_score"], row["sql_min_score"]) == (str(hot), str(hot))
    assert (row["warm_min_score"], row["mql_min_score"], row["mql_min_fit"]) == (
        str(warm),
        str(warm),
        "0",
    )
    assert row["sql_trigger_event_types"] == default["sql_trigger_event_types"]


def pairwise_auc(scores: dict[str, int], leads: list[Lead]) -> float:
    """Every (converting, other) pair: 1 when the converting lead scores higher, 1/2 on a tie."""
    wins = [
        1.0 if scores[good.lead_id] > scores[bad.lead_id] else 0.5
        if scores[good.lead_id] == scores[bad.lead_id] else 0.0
        for good in leads if good.converted
        for bad in leads if not bad.converted
    ]  # fmt: skip
    return sum(wins) / len(wins)


def test_the_auc_table(suggest_run: SuggestRun) -> None:
    """The printed AUC of the new and the default scorecard on each part, pair by pair."""
    held_out = [lead for lead in POPULATION if not training_part(lead.lead_id)]
    for scorecard_id in (NEW, "default"):
        scores = suggest_run.scores[scorecard_id]
        line = re.search(rf"^  {scorecard_id} +(\S+) +(\S+)$", suggest_run.output, re.MULTILINE)
        assert line, suggest_run.output
        assert line.groups() == (
            f"{pairwise_auc(scores, TRAINING):.3f}",
            f"{pairwise_auc(scores, held_out):.3f}",
        )
    assert f"population: {len(POPULATION)} leads; training part {len(TRAINING)}" in (
        suggest_run.output
    )


def test_an_unknown_attribute_names_the_columns(suggest_run: SuggestRun) -> None:
    with pytest.raises(suggest.SuggestError, match=r"no lead attribute 'Tier' \(.*Plan"):
        suggest.read_data(suggest_run.database, CUTOFF, 90, ["Tier"], None)


def test_writing_again_replaces_the_scorecard(tmp_path: Path, suggest_run: SuggestRun) -> None:
    """A second run with the same id replaces its rows and keeps every other scorecard's."""
    for seed in ("scorecards", "scorecard_rules"):
        header = list(suggest_run.scorecards[0] if seed == "scorecards" else suggest_run.rules[0])
        rows = suggest_run.scorecards if seed == "scorecards" else suggest_run.rules
        suggest.write_seed(tmp_path / f"{seed}.csv", header, rows)
    (row,) = [row for row in suggest_run.scorecards if row["scorecard_id"] == NEW]
    rule = {**suggest_run.rules[0], "scorecard_id": NEW, "rule_id": "only_rule"}
    learned = suggest.Learned({**row, "hot_min_score": "99"}, [rule], [], 20.0)
    assert suggest.write_scorecard(tmp_path, learned)
    _, scorecards = suggest.read_seed(tmp_path / "scorecards.csv")
    _, rules = suggest.read_seed(tmp_path / "scorecard_rules.csv")
    assert [row["hot_min_score"] for row in scorecards if row["scorecard_id"] == NEW] == ["99"]
    assert [row["rule_id"] for row in rules if row["scorecard_id"] == NEW] == ["only_rule"]
    others = [row for row in suggest_run.rules if row["scorecard_id"] != NEW]
    assert [row for row in rules if row["scorecard_id"] != NEW] == others


def test_auc_counts_ties_as_one_half() -> None:
    # converting leads score 2 and 3, the others 1 and 2: pairs (2,1) 1, (2,2) 1/2, (3,1) 1,
    # (3,2) 1 -> 3.5 of 4
    assert suggest.auc([1, 2, 2, 3], [False, True, False, True]) == 0.875
    assert suggest.auc([1, 2], [True, True]) is None


def test_the_split_is_the_md5_of_the_lead_id() -> None:
    # md5 of L001, L002, L005, L009, L010: first 8 hex digits modulo 100 are 35, 9, 90, 74, 97
    assert [suggest.is_training(f"L{i:03d}") for i in (1, 2, 5, 9, 10)] == [
        True,
        True,
        False,
        False,
        False,
    ]
