"""The same models give the same scores, to the point, on every selected engine.

Each fixture build and the bundled demo data (3,000 leads, a year of events) are compared with
DuckDB lead by lead and rule by rule: scores, tiers, flags and texts exactly; points (decimal
with 6 places) exactly, which is stricter than the 1e-9 the issue asks for.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import BUILDS, SELECTED_ENGINES, Builds
from scenario import MARTS, PROJECT_DIR, Row, build_marts, copy_project

OTHER_ENGINES = [engine for engine in SELECTED_ENGINES if engine != "duckdb"]
KEYS = {
    "lead_scores": ("lead_id", "scorecard_id"),
    "lead_score_breakdown": ("lead_id", "scorecard_id", "rule_id"),
}
DEMO_AS_OF = date(2026, 3, 15)

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
    """Every mart row of `actual` equals DuckDB's, and no row is missing or extra."""
    problems: list[str] = []
    for table in MARTS:
        want, got = _keyed(expected[table], KEYS[table]), _keyed(actual[table], KEYS[table])
        problems += [f"{table} {key}: missing" for key in sorted(want.keys() - got.keys())]
        problems += [f"{table} {key}: extra" for key in sorted(got.keys() - want.keys())]
        for key in sorted(want.keys() & got.keys()):
            for column, value in want[key].items():
                if got[key].get(column) != value:
                    problems.append(
                        f"{table} {key} {column}: duckdb {value!r}, got {got[key].get(column)!r}"
                    )
    assert not problems, f"{label}: {len(problems)} differences\n" + "\n".join(problems[:50])


@pytest.mark.parametrize("other", OTHER_ENGINES)
@pytest.mark.parametrize("build", sorted(BUILDS))
def test_fixture_builds_match_duckdb(builds: Builds, build: str, other: str) -> None:
    duckdb_build, other_build = builds[("duckdb", build)].result(), builds[(other, build)].result()
    expected = {
        "lead_scores": list(duckdb_build.scores.values()),
        "lead_score_breakdown": [
            row for rules in duckdb_build.breakdown.values() for row in rules.values()
        ],
    }
    actual = {
        "lead_scores": list(other_build.scores.values()),
        "lead_score_breakdown": [
            row for rules in other_build.breakdown.values() for row in rules.values()
        ],
    }
    assert_same_marts(expected, actual, f"{build} build on {other}")


@pytest.fixture(scope="module")
def demo_marts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[Row]]]:
    """The bundled demo data scored on every selected engine (shipped scorecard)."""
    marts = {}
    for engine in SELECTED_ENGINES:
        workdir = tmp_path_factory.mktemp(f"demo_{engine}")
        project = workdir / "project"
        project.mkdir()
        copy_project(project)
        marts[engine] = build_marts(
            "demo", engine, project, workdir, PROJECT_DIR / "data" / "demo", DEMO_AS_OF
        )
    return marts


@pytest.mark.parametrize("other", OTHER_ENGINES)
def test_demo_data_matches_duckdb(demo_marts: dict[str, dict[str, list[Row]]], other: str) -> None:
    assert len(demo_marts["duckdb"]["lead_scores"]) > 2000
    assert_same_marts(demo_marts["duckdb"], demo_marts[other], f"demo data on {other}")
