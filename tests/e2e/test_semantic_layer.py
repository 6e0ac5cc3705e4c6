"""The semantic layer (models/semantic, MetricFlow): `mf query` on the fixtures build (DuckDB)
returns the numbers its marts give.

The fixtures build has the shipped `default` and the fixture scorecards, a 365-day history and
the default cut-offs; every expected number below is computed from the marts' rows of the same
build (ScenarioResult), not from MetricFlow's SQL.
"""

from __future__ import annotations

import csv
import shutil
import statistics
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from scenario import ScenarioResult, dbt_env

MF = Path(sys.executable).parent / "mf"


def mf_query(build: ScenarioResult, folder: Path, *arguments: str) -> list[dict[str, str]]:
    """`mf query ... --csv` in the build's project, on its DuckDB file; the rows as texts."""
    if build.database is None:
        pytest.skip("the semantic layer is queried on DuckDB")
    workdir = build.database.parent
    project = workdir / "project"
    # mf reads the semantic manifest from the project's target folder; the build wrote it to
    # the workdir's (DBT_TARGET_PATH)
    (project / "target").mkdir(exist_ok=True)
    shutil.copy2(workdir / "target" / "semantic_manifest.json", project / "target")
    output = folder / "query.csv"
    completed = subprocess.run(
        [str(MF), "query", *arguments, "--csv", str(output)],
        cwd=project,
        env=dbt_env(project, workdir),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0 and output.exists(), completed.stdout + completed.stderr
    with output.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def monday(day: date) -> str:
    return (day - timedelta(days=day.weekday())).isoformat()


# one query for every metric by scorecard (each `mf query` starts MetricFlow: seconds)
PER_SCORECARD = (
    "leads_scored",
    "hot_leads",
    "warm_leads",
    "cold_leads",
    "dead_leads",
    "mqls",
    "sqls",
    "conversion_rate",
    "mql_conversion_rate",
    "mql_to_sql_rate",
    "median_days_mql_to_sql",
    "average_total_score",
)


@pytest.fixture(scope="session")
def per_scorecard(
    custom_build: ScenarioResult, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, str]]:
    rows = mf_query(
        custom_build,
        tmp_path_factory.mktemp("mf"),
        "--metrics", ",".join(PER_SCORECARD),
        "--group-by", "scorecard",
    )  # fmt: skip
    return {row["scorecard"]: row for row in rows}


def test_counts_per_scorecard(
    custom_build: ScenarioResult, per_scorecard: dict[str, dict[str, str]]
) -> None:
    scores = list(custom_build.scores.values())
    for scorecard_id in {row["scorecard_id"] for row in scores}:
        mine = [row for row in scores if row["scorecard_id"] == scorecard_id]
        tiers = Counter(row["tier"] for row in mine)
        expected = {
            "leads_scored": len(mine),
            **{f"{tier}_leads": tiers[tier] for tier in ("hot", "warm", "cold", "dead")},
            "mqls": sum(row["is_mql"] for row in mine),
            "sqls": sum(row["is_sql"] for row in mine),
        }
        row = per_scorecard[scorecard_id]
        assert {name: int(float(row[name] or 0)) for name in expected} == expected, scorecard_id


def test_new_mqls_per_week(custom_build: ScenarioResult, tmp_path: Path) -> None:
    """First MQL episodes that start inside the history, by the week (Monday) they start."""
    rows = mf_query(
        custom_build,
        tmp_path,
        "--metrics", "new_mqls",
        "--group-by", "metric_time__week,scorecard",
        "--where", "{{ Entity('scorecard') }} = 'default'",
    )  # fmt: skip
    got = {row["metric_time__week"][:10]: int(float(row["new_mqls"])) for row in rows}
    expected = Counter(
        monday(episode["started_on"])
        for episodes in custom_build.episodes.values()
        for episode in episodes
        if episode["scorecard_id"] == "default"
        and episode["stage"] == "mql"
        and episode["episode_number"] == 1
        and not episode["is_started_before_history"]
    )
    assert {week: count for week, count in got.items() if count} == dict(expected)
    assert sum(expected.values()) > 0


def test_rates_and_medians(
    custom_build: ScenarioResult, per_scorecard: dict[str, dict[str, str]]
) -> None:
    got = per_scorecard
    for (scorecard_id, cutoff), evaluation in custom_build.evaluation.items():
        if cutoff is not None:  # the pooled row adds up the cut-offs
            continue
        row = got[scorecard_id]
        assert float(row["conversion_rate"]) == pytest.approx(evaluation["conversion_rate"])
        if evaluation["mql_leads"]:
            assert float(row["mql_conversion_rate"]) == pytest.approx(
                evaluation["mql_conversions"] / evaluation["mql_leads"]
            )
        funnel = [f for f in custom_build.funnel.values() if f["scorecard_id"] == scorecard_id]
        mqls = [f for f in funnel if f["first_mql_on"] is not None]
        if mqls:
            then_sql = sum(f["first_sql_on"] is not None for f in mqls)
            assert float(row["mql_to_sql_rate"]) == pytest.approx(then_sql / len(mqls))
        days = [f["days_mql_to_sql"] for f in funnel if f["days_mql_to_sql"] is not None]
        if days:
            assert float(row["median_days_mql_to_sql"]) == pytest.approx(statistics.median(days))
        scores = [s["total_score"] for s in custom_build.scores.values()
                  if s["scorecard_id"] == scorecard_id]  # fmt: skip
        assert float(row["average_total_score"]) == pytest.approx(statistics.mean(scores))
