"""The same models give the same scores, to the point, on every selected engine.

Each fixture build and the bundled demo data (3,000 leads, a year of events) are compared with
DuckDB lead by lead and rule by rule: scores, tiers, flags and texts exactly; points (decimal
with 6 places) exactly, which is stricter than the 1e-9 the issue asks for.
"""

from __future__ import annotations

import math
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import background
import pytest
from conftest import BUILDS, SELECTED_ENGINES, Builds
from scenario import (
    ENGINES,
    MARTS,
    PROJECT_DIR,
    Row,
    ScenarioResult,
    build_marts,
    copy_project,
    demo_database,
    read_mart,
)

OTHER_ENGINES = [engine for engine in SELECTED_ENGINES if engine != "duckdb"]
KEYS = {
    "lead_scores": ("lead_id", "scorecard_id"),
    "lead_score_breakdown": ("lead_id", "scorecard_id", "rule_id"),
    "lead_score_history": ("lead_id", "scorecard_id", "valid_from"),
    "lead_stage_episodes": ("lead_id", "scorecard_id", "stage", "episode_number"),
    "lead_funnel": ("lead_id", "scorecard_id"),
    "scorecard_evaluation": ("scorecard_id", "cutoff_on"),
    "scorecard_evaluation_bands": ("scorecard_id", "cutoff_on", "band_type", "band"),
    "scorecard_rule_evaluation": ("scorecard_id", "cutoff_on", "rule_id"),
    "scorecard_comparison": ("scorecard_id",),
    "scorecard_tier_transitions": ("scorecard_id", "baseline_tier", "tier"),
}
# logarithms (weight of evidence, information value): each engine's ln may differ in the last
# bit (Spark's StrictMath), every other figure is a ratio of counts, equal to the last bit
LOGARITHMS = frozenset({"weight_of_evidence", "information_value"})
DEMO_AS_OF = date(2026, 3, 15)
# the engines the demo data is compared on: Spark's build of it takes minutes of the suite's
# time, and the fixtures builds compare every mart on Spark
DEMO_ENGINES = [engine for engine in SELECTED_ENGINES if engine != "spark"]

pytestmark = pytest.mark.skipif(
    "duckdb" not in SELECTED_ENGINES or not OTHER_ENGINES,
    reason="parity needs duckdb and another engine in LEAD_SCORING_TEST_ENGINES",
)


def _keyed(rows: list[Row], key: tuple[str, ...]) -> dict[tuple[object, ...], Row]:
    keyed = {tuple(row[column] for column in key): row for row in rows}
    assert len(keyed) == len(rows), f"duplicate keys {key}"
    return keyed


def assert_same_marts(
    expected: dict[str, list[Row]], actual: dict[str, list[Row]], label: str
) -> None:
    """Every row of each mart of `actual` equals DuckDB's, and no row is missing or extra."""
    problems: list[str] = []
    assert set(actual) <= set(expected), f"{label}: {sorted(actual)} not in {sorted(expected)}"
    for table in actual:
        want, got = _keyed(expected[table], KEYS[table]), _keyed(actual[table], KEYS[table])
        problems += [
            f"{table} {key}: missing" for key in sorted(want.keys() - got.keys(), key=repr)
        ]
        problems += [f"{table} {key}: extra" for key in sorted(got.keys() - want.keys(), key=repr)]
        for key in sorted(want.keys() & got.keys(), key=repr):
            for column, value in want[key].items():
                other = got[key].get(column)
                if column in LOGARITHMS and isinstance(value, float) and isinstance(other, float):
                    if not math.isclose(other, value, rel_tol=1e-12):
                        problems.append(f"{table} {key} {column}: duckdb {value!r}, got {other!r}")
                elif other != value:
                    problems.append(
                        f"{table} {key} {column}: duckdb {value!r}, got {got[key].get(column)!r}"
                    )
    assert not problems, f"{label}: {len(problems)} differences\n" + "\n".join(problems[:50])


@pytest.mark.parametrize("other", OTHER_ENGINES)
@pytest.mark.parametrize("build", sorted(BUILDS))
def test_fixture_builds_match_duckdb(builds: Builds, build: str, other: str) -> None:
    duckdb_build, other_build = builds[("duckdb", build)], builds[(other, build)]
    assert_same_marts(_marts(duckdb_build), _marts(other_build), f"{build} build on {other}")


def _marts(result: ScenarioResult) -> dict[str, list[Row]]:
    """The rows of every mart of a build."""
    return {
        "lead_scores": list(result.scores.values()),
        "lead_score_breakdown": [
            row for rules in result.breakdown.values() for row in rules.values()
        ],
        "lead_score_history": [row for rows in result.history.values() for row in rows],
        "lead_stage_episodes": [row for rows in result.episodes.values() for row in rows],
        "lead_funnel": list(result.funnel.values()),
        "scorecard_evaluation": list(result.evaluation.values()),
        "scorecard_evaluation_bands": list(result.bands.values()),
        "scorecard_rule_evaluation": list(result.rule_evaluation.values()),
        **result.comparison,
    }


def _demo_job(engine: str) -> str:
    return f"demo:{engine}"


def _build_demo(engine: str, workdir: Path) -> dict[str, list[Row]]:
    """The bundled demo data scored on `engine` (shipped scorecard); on DuckDB, the marts of
    scripts/test.sh's demo build (scenario.demo_database)."""
    if engine == "duckdb":
        env = {"LEAD_SCORING_DUCKDB_PATH": str(demo_database(workdir))}
        return {table: read_mart(engine, table, env) for table in MARTS}
    project = workdir / "project"
    project.mkdir()
    copy_project(project)
    return build_marts("demo", engine, project, workdir, PROJECT_DIR / "data" / "demo", DEMO_AS_OF)


for _engine in DEMO_ENGINES:
    background.job(_demo_job(_engine), priority=-ENGINES.index(_engine))(
        partial(_build_demo, _engine)
    )


@background.needs
def _demo_needed(item: Any) -> set[str]:
    if "demo_marts" not in getattr(item, "fixturenames", ()):
        return set()
    return {_demo_job(engine) for engine in DEMO_ENGINES}


@pytest.fixture(scope="module")
def demo_marts() -> dict[str, dict[str, list[Row]]]:
    """The bundled demo data scored on every selected engine (shipped scorecard)."""
    return {engine: background.result(_demo_job(engine)) for engine in DEMO_ENGINES}


@pytest.mark.parametrize("other", [engine for engine in DEMO_ENGINES if engine != "duckdb"])
def test_demo_data_matches_duckdb(demo_marts: dict[str, dict[str, list[Row]]], other: str) -> None:
    assert len(demo_marts["duckdb"]["lead_scores"]) > 2000
    assert_same_marts(demo_marts["duckdb"], demo_marts[other], f"demo data on {other}")
