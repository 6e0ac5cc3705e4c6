"""Harness of the end-to-end tests: real `dbt build` against small fixtures, on DuckDB and,
when asked (LEAD_SCORING_TEST_ENGINES), on PostgreSQL and Spark.

A scenario is a copy of the dbt project in a temporary folder, optionally with the two
scorecard seeds (`scorecards.csv`, `scorecard_rules.csv`) replaced by fixture content (the
reference seeds `country_regions.csv` and `matrix_segments.csv` stay as shipped), and a raw
folder with `leads.csv` and `lead_events.csv`. `run_scenario` builds it with the dbt of this
virtualenv and returns the rows of the two marts, `lead_scores` and `lead_score_breakdown`,
keyed by `(lead_id, scorecard_id)`. On PostgreSQL the raw files are loaded into a schema of
the scenario's own (`lead-scoring load-raw`); on Spark they are external tables in a metastore
of the scenario's own, and the marts are read back from their Parquet files.

A dbt build takes tens of seconds, so the tests group their cases: each test module
contributes a `FixturePart` (leads, events, and for the custom build, scorecards and rules)
to one of the few builds of the session (see conftest.py), each lead designed for one case.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as field_default
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from lead_scoring.load_raw import load as load_raw
from lead_scoring.load_raw import postgres_connection

PROJECT_DIR = Path(__file__).resolve().parents[2]
ENGINES: tuple[str, ...] = ("duckdb", "postgres", "spark")
SCORING_MARTS: tuple[str, ...] = ("lead_scores", "lead_score_breakdown")
HISTORY_MARTS: tuple[str, ...] = (
    "lead_score_history",
    "lead_stage_episodes",
    "lead_funnel",
    "scorecard_evaluation",
    "scorecard_evaluation_bands",
    "scorecard_rule_evaluation",
    "scorecard_comparison",
    "scorecard_tier_transitions",
)
MARTS: tuple[str, ...] = SCORING_MARTS + HISTORY_MARTS
# the folders of the models of the history, of the evaluation that reads it and of the
# comparison that reads the evaluation (left out of a build without history)
HISTORY_FOLDERS: tuple[str, ...] = (
    "intermediate/history",
    "marts/history",
    "intermediate/evaluation",
    "marts/evaluation",
    "marts/comparison",
)
DBT_EXECUTABLE = Path(sys.executable).parent / "dbt"

# The scoring date of every scenario: events and creation dates are written relative to it.
AS_OF = date(2026, 3, 15)

LEAD_COLUMNS: tuple[str, ...] = (
    "lead_id",
    "email",
    "job_title",
    "industry",
    "company_name",
    "company_size",
    "annual_revenue",
    "country",
    "created_at",
)
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "lead_id",
    "event_type",
    "occurred_at",
    "event_detail",
)

# What a scenario copies from the project (tests/dbt holds the project's data tests).
PROJECT_FILES: tuple[str, ...] = (
    "dbt_project.yml",
    "profiles.yml",
    "packages.yml",
    "dependencies.yml",
)
PROJECT_FOLDERS: tuple[str, ...] = ("models", "macros", "seeds", "tests/dbt")
REPLACEABLE_SEEDS: tuple[str, ...] = ("scorecards", "scorecard_rules")

Row = dict[str, Any]
Key = tuple[str, str]
TextRow = Mapping[str, str]


# ---------------------------------------------------------------------------- fixture rows


def day(age_days: int, time: str = "09:00:00") -> str:
    """A timestamp `age_days` whole days before AS_OF (0: on the as_of day; < 0: after it)."""
    return f"{(AS_OF - timedelta(days=age_days)).isoformat()} {time}"


def date_of(age_days: int) -> date:
    """The date `age_days` whole days before AS_OF."""
    return AS_OF - timedelta(days=age_days)


def lead(lead_id: str, created_at: str | None = None, **attributes: str) -> dict[str, str]:
    """A leads row; created 400 days before as_of unless told (old enough for every window)."""
    return {"lead_id": lead_id, "created_at": created_at or day(400), **attributes}


def event(
    event_id: str, lead_id: str, event_type: str, occurred_at: str, event_detail: str = ""
) -> dict[str, str]:
    """A lead_events row."""
    return {
        "event_id": event_id,
        "lead_id": lead_id,
        "event_type": event_type,
        "occurred_at": occurred_at,
        "event_detail": event_detail,
    }


SCORECARD_DEFAULTS: dict[str, str] = {
    "mql_min_score": "30",
    "mql_min_fit": "0",
    "sql_min_score": "60",
    "sql_trigger_event_types": "",
    "sql_trigger_window_days": "",
    "hot_min_score": "60",
    "warm_min_score": "30",
    "grade_a_min_fit": "30",
    "grade_b_min_fit": "20",
    "grade_c_min_fit": "10",
    "level_1_min_engagement": "50",
    "level_2_min_engagement": "30",
    "level_3_min_engagement": "10",
    "dead_below_fit_points": "",
    "is_active": "true",
}


def scorecard(scorecard_id: str, **overrides: str) -> dict[str, str]:
    """A scorecards row: SCORECARD_DEFAULTS (the shipped cut-offs, no trigger) + overrides."""
    return {
        "scorecard_id": scorecard_id,
        **SCORECARD_DEFAULTS,
        "description": f"e2e scorecard {scorecard_id}",
        **overrides,
    }


def rule(scorecard_id: str, rule_id: str, dimension: str, **fields: str) -> dict[str, str]:
    """A scorecard_rules row; description defaults to the rule_id."""
    return {
        "scorecard_id": scorecard_id,
        "rule_id": rule_id,
        "dimension": dimension,
        "description": rule_id,
        **fields,
    }


@dataclass(frozen=True)
class FixturePart:
    """What one test module adds to a build: its leads and events, and for a build with
    fixture seeds, its scorecards and rules."""

    leads: Sequence[TextRow] = ()
    events: Sequence[TextRow] = ()
    scorecards: Sequence[TextRow] = ()
    rules: Sequence[TextRow] = ()
    conversions: Sequence[TextRow] = ()


def field(row: TextRow, column: str) -> str:
    """The value of a fixture row's `column`, whose key may be spelled in another case or with
    spaces around it (' Lead_ID' is lead_id), as the project reads a header; '' when absent."""
    for key, value in row.items():
        if key.strip().lower() == column:
            return value
    return ""


def merge_parts(parts: Iterable[FixturePart]) -> FixturePart:
    """All parts in one; lead_id, scorecard_id and rule_id must not collide between parts."""
    parts = list(parts)
    merged = FixturePart(
        leads=[row for part in parts for row in part.leads],
        events=[row for part in parts for row in part.events],
        scorecards=[row for part in parts for row in part.scorecards],
        rules=[row for part in parts for row in part.rules],
        conversions=[row for part in parts for row in part.conversions],
    )
    for rows, key in (
        (merged.leads, "lead_id"),
        (merged.scorecards, "scorecard_id"),
        (merged.rules, "rule_id"),
    ):
        seen = [field(row, key) for row in rows]
        duplicates = sorted({value for value in seen if seen.count(value) > 1})
        assert not duplicates, f"fixture {key} used twice: {duplicates}"
    return merged


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ScenarioResult:
    """The marts of one build. `scores[(lead_id, scorecard_id)]` is a lead_scores row;
    `breakdown[(lead_id, scorecard_id)]` maps rule_id to a lead_score_breakdown row;
    `relations` names every table and view of the build's database (lower case)."""

    name: str
    fixture: FixturePart
    scores: dict[Key, Row]
    breakdown: dict[Key, dict[str, Row]]
    relations: frozenset[str] = frozenset()
    shipped_scorecard: bool = False  # the shipped `default` scorecard is one of the build's
    # the history marts by (lead_id, scorecard_id): periods and episodes in time order
    history: Mapping[Key, list[Row]] = field_default(default_factory=dict)
    episodes: Mapping[Key, list[Row]] = field_default(default_factory=dict)
    funnel: Mapping[Key, Row] = field_default(default_factory=dict)
    # the evaluation marts: by (scorecard_id, cutoff_on), by (scorecard_id, cutoff_on,
    # band_type, band) and by (scorecard_id, cutoff_on, rule_id); cutoff_on None is pooled
    evaluation: Mapping[tuple[str, date | None], Row] = field_default(default_factory=dict)
    bands: Mapping[tuple[str, date | None, str, str], Row] = field_default(default_factory=dict)
    rule_evaluation: Mapping[tuple[str, date | None, str], Row] = field_default(
        default_factory=dict
    )
    # the comparison marts' rows: scorecard_comparison, scorecard_tier_transitions
    comparison: Mapping[str, list[Row]] = field_default(default_factory=dict)
    database: Path | None = None  # the DuckDB file of a DuckDB build

    def periods(self, lead_id: str, scorecard_id: str) -> list[Row]:
        """The lead's lead_score_history rows, oldest first."""
        return list(self.history.get((lead_id, scorecard_id), []))

    def period_on(self, lead_id: str, scorecard_id: str, on: date) -> Row:
        """The lead_score_history row covering the day `on`."""
        covering = [
            row
            for row in self.periods(lead_id, scorecard_id)
            if row["valid_from"] <= on and (row["valid_to"] is None or on < row["valid_to"])
        ]
        if len(covering) != 1:
            pytest.fail(
                f"{self.name}: {len(covering)} periods of {(lead_id, scorecard_id)} cover {on}",
                pytrace=False,
            )
        return covering[0]

    def score(self, lead_id: str, scorecard_id: str) -> Row:
        key = (lead_id, scorecard_id)
        if key not in self.scores:
            pytest.fail(f"{self.name}: no lead_scores row for {key}", pytrace=False)
        return self.scores[key]

    def rules(self, lead_id: str, scorecard_id: str) -> dict[str, Row]:
        """The breakdown rows of a lead on a scorecard by rule_id ({} when none)."""
        return self.breakdown.get((lead_id, scorecard_id), {})

    def lead_ids(self) -> set[str]:
        return {key[0] for key in self.scores}


def points(value: float | int | str) -> Decimal:
    """A points value as the marts hold it: decimal(18, 6)."""
    return Decimal(str(value)).quantize(Decimal("0.000001"))


# ---------------------------------------------------------------------------- the build


def write_csv(path: Path, rows: Sequence[TextRow], columns: Sequence[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(column, "") for column in columns])


def _columns(rows: Sequence[TextRow], required: Sequence[str]) -> list[str]:
    """The required columns first, then any extra column in the order first seen."""
    columns = list(required)
    for row in rows:
        columns.extend(column for column in row if column not in columns)
    return columns


def _seed_header(seed: str) -> list[str]:
    """The header of the shipped seed: fixture seeds must use exactly it."""
    with (PROJECT_DIR / "seeds" / f"{seed}.csv").open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def _seed_rows(seed: str) -> list[dict[str, str]]:
    """The rows of the shipped seed."""
    with (PROJECT_DIR / "seeds" / f"{seed}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_seeds(
    project: Path,
    scorecards: Sequence[TextRow],
    rules: Sequence[TextRow],
    mode: str = "replace",
) -> None:
    """Write the scorecard seeds of `project`. `mode`: `replace` (the fixture rows, under the
    shipped headers, which the fixture's columns must be part of), `append` (the shipped rows
    and then the fixture rows, under the shipped headers) or `exact` (the fixture rows with
    only the columns they have, spelled as they spell them: a seed written from the contract
    alone)."""
    for seed, rows in (("scorecards", scorecards), ("scorecard_rules", rules)):
        if mode == "exact":
            write_csv(project / "seeds" / f"{seed}.csv", rows, _columns(rows, ()))
            continue
        header = _seed_header(seed)
        unknown = sorted({column for row in rows for column in row} - set(header))
        assert not unknown, f"fixture {seed} has columns the seed does not: {unknown}"
        shipped = _seed_rows(seed) if mode == "append" else []
        write_csv(project / "seeds" / f"{seed}.csv", [*shipped, *rows], header)


def copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("target", "logs", "dbt_packages", "__pycache__", ".user.yml")
    for name in PROJECT_FILES:
        if (PROJECT_DIR / name).is_file():
            shutil.copy2(PROJECT_DIR / name, target / name)
    for name in PROJECT_FOLDERS:
        if (PROJECT_DIR / name).is_dir():
            shutil.copytree(PROJECT_DIR / name, target / name, ignore=ignore)


def _rows(cursor: Any) -> list[Row]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def dbt_env(project: Path, workdir: Path, engine: str = "duckdb") -> dict[str, str]:
    """The environment of a dbt run of `project` on `engine` whose files (target, logs, DuckDB
    database and spill folder) stay in `workdir`."""
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(project),
        "DBT_TARGET_PATH": str(workdir / "target"),
        "DBT_LOG_PATH": str(workdir / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_USE_COLORS": "false",
        # agate warns of each seed column_types entry a seed leaves out (optional columns)
        "PYTHONWARNINGS": "ignore::RuntimeWarning:agate.type_tester",
        # unit tests mock their inputs: the demo build of scripts/test.sh runs them once, and
        # they would cost every e2e build about a third of its time
        "DBT_EXCLUDE_RESOURCE_TYPES": "unit_test",
        "LEAD_SCORING_TARGET": engine,
        "LEAD_SCORING_DUCKDB_PATH": str(workdir / "lead_scoring.duckdb"),
        "LEAD_SCORING_DUCKDB_TEMP_DIR": str(workdir / "duckdb_tmp"),
    }


def run_dbt(
    project: Path, arguments: list[str], env: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run dbt in `project` and return the completed process (output captured, not checked)."""
    return subprocess.run(
        [str(DBT_EXECUTABLE), *arguments, "--project-dir", str(project)],
        cwd=project,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )


def cli_or_fail(project: Path, workdir: Path, *arguments: str) -> str:
    """`lead-scoring <arguments> --project-dir project`, its dbt files in `workdir`; its
    output, or the test fails with it."""
    command = [str(DBT_EXECUTABLE.parent / "lead-scoring"), *arguments]
    completed = subprocess.run(
        [*command, "--project-dir", str(project)],
        env=dbt_env(project, workdir),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    output = completed.stdout + completed.stderr
    if completed.returncode != 0:
        pytest.fail(f"lead-scoring {arguments[0]} failed:\n{output[-20000:]}", pytrace=False)
    return output


def dbt_or_fail(project: Path, arguments: list[str], env: Mapping[str, str], label: str) -> None:
    """Run dbt in `project`; fail the test with dbt's output when it fails."""
    completed = run_dbt(project, arguments, env)
    if completed.returncode != 0:
        output = completed.stdout + completed.stderr
        pytest.fail(
            f"dbt {arguments[0]} of {label} failed (exit {completed.returncode}) in {project}:\n"
            f"{output[-20000:]}",
            pytrace=False,
        )


def build_env(label: str, engine: str, project: Path, workdir: Path) -> dict[str, str]:
    """The environment of `build_marts` (PostgreSQL schema and Spark folder of the scenario)."""
    schema = scenario_schema(label)
    return {
        **dbt_env(project, workdir, engine),
        "LEAD_SCORING_PG_SCHEMA": f"e2e_{schema}",
        "LEAD_SCORING_SPARK_DIR": str(workdir / "spark"),
    }


def scenario_schema(label: str) -> str:
    return "".join(char if char.isalnum() else "_" for char in label.lower())


def build_marts(
    label: str,
    engine: str,
    project: Path,
    workdir: Path,
    raw: Path,
    as_of: date,
    history: bool = True,
    variables: Mapping[str, Any] | None = None,
) -> dict[str, list[Row]]:
    """`dbt build` of `project` on `engine` over the raw files in `raw`; the marts' rows (with
    `history`, the score history's and the evaluation's too; else their models are left
    out). `variables`: more dbt vars.

    DuckDB reads the files through `raw_path`. PostgreSQL gets the files loaded into schema
    raw_<label> and writes to schema e2e_<label> (scenarios run side by side on one server).
    Spark gets a metastore and warehouse in `workdir`. Data tests run on DuckDB only (unit
    tests in the demo build only, dbt_env): on the other engines the e2e assertions and the
    parity with DuckDB check the marts.
    """
    schema = scenario_schema(label)
    env = build_env(label, engine, project, workdir)
    dbt_vars: dict[str, Any] = {"as_of": as_of.isoformat(), **(variables or {})}
    build = ["build"]
    if engine == "duckdb":
        dbt_vars["raw_path"] = str(raw)
    else:
        dbt_vars["raw_schema"] = f"raw_{schema}"
        load_raw(engine, raw, project, schema=f"raw_{schema}", env=env)
    excluded = [] if history else [f"path:models/{folder}" for folder in HISTORY_FOLDERS]
    if engine != "duckdb":
        excluded += ["resource_type:test", "resource_type:unit_test"]
    if excluded:
        build += ["--exclude", *excluded]
    dbt_or_fail(project, [*build, "--vars", json.dumps(dbt_vars)], env, f"{label} on {engine}")
    return {
        table: read_mart(engine, table, env) for table in MARTS if history or table in SCORING_MARTS
    }


def demo_database(workdir: Path) -> Path:
    """The bundled demo data (data/demo, shipped seeds) scored as of AS_OF on DuckDB, with its
    history: a copy of scripts/test.sh's build (LEAD_SCORING_DUCKDB_PATH) in `workdir`, or,
    when pytest runs alone, a build of it there (its tests left out)."""
    database = workdir / "lead_scoring.duckdb"
    built = Path(os.environ.get("LEAD_SCORING_DUCKDB_PATH", "target/test_demo.duckdb"))
    if (PROJECT_DIR / built).is_file():
        shutil.copy2(PROJECT_DIR / built, database)
        return database
    variables = {"as_of": AS_OF.isoformat(), "raw_path": str(PROJECT_DIR / "data" / "demo")}
    dbt_or_fail(
        PROJECT_DIR,
        ["build", "--exclude", "resource_type:test", "--vars", json.dumps(variables)],
        dbt_env(PROJECT_DIR, workdir),
        "the demo data",
    )
    return database


def read_mart(engine: str, table: str, env: Mapping[str, str]) -> list[Row]:
    """The rows of a mart table as Python values (Decimal, date, bool, str, int)."""
    if engine == "duckdb":
        with duckdb.connect(env["LEAD_SCORING_DUCKDB_PATH"], read_only=True) as connection:
            return _rows(connection.execute(f"select * from main.{table}"))
    if engine == "postgres":
        with postgres_connection(env) as connection, connection.cursor() as cursor:
            cursor.execute(f'select * from "{env["LEAD_SCORING_PG_SCHEMA"]}"."{table}"')
            return _rows(cursor)
    files = Path(env["LEAD_SCORING_SPARK_DIR"]) / "warehouse" / "lead_scoring.db" / table
    with duckdb.connect() as connection:
        return _rows(connection.execute(f"select * from read_parquet('{files}/*.parquet')"))


def list_relations(engine: str, env: Mapping[str, str]) -> frozenset[str]:
    """Every table and view of the build's database, as schema.name in lower case (on Spark:
    the folders of its warehouse, where a table created by any statement would land)."""
    query = (
        "select lower(table_schema || '.' || table_name) from information_schema.tables"
        " where table_schema not in ('information_schema', 'pg_catalog')"
    )
    if engine == "duckdb":
        with duckdb.connect(env["LEAD_SCORING_DUCKDB_PATH"], read_only=True) as connection:
            return frozenset(row[0] for row in connection.execute(query).fetchall())
    if engine == "postgres":
        with postgres_connection(env) as connection, connection.cursor() as cursor:
            cursor.execute(query)
            return frozenset(row[0] for row in cursor.fetchall())
    warehouse = Path(env["LEAD_SCORING_SPARK_DIR"]) / "warehouse"
    return frozenset(
        f"{folder.parent.name.removesuffix('.db')}.{folder.name}".lower()
        for folder in warehouse.glob("*.db/*")
    )


def run_scenario(
    name: str,
    workdir: Path,
    fixture: FixturePart,
    *,
    seeds: str,
    as_of: date = AS_OF,
    engine: str = "duckdb",
    history: bool = True,
    variables: Mapping[str, Any] | None = None,
) -> ScenarioResult:
    """Build the scenario in `workdir` on `engine` and return its marts (fails the test on a
    dbt error). `seeds`: `shipped` (the fixture brings none), or how the fixture's seeds are
    written (write_seeds: `replace`, `append`, `exact`); with `exact`, the raw files too have
    only the columns of the fixture's rows, spelled as they are (no contract column added).
    `history` and `variables`: see build_marts."""
    project = workdir / "project"
    raw = workdir / "raw"
    project.mkdir(parents=True)
    raw.mkdir()
    copy_project(project)

    if seeds == "shipped":
        assert not fixture.scorecards and not fixture.rules, (
            f"scenario {name} keeps the shipped scorecard: its fixture may not bring seeds"
        )
    else:
        write_seeds(project, fixture.scorecards, fixture.rules, seeds)

    lead_columns, event_columns = ((), ()) if seeds == "exact" else (LEAD_COLUMNS, EVENT_COLUMNS)
    write_csv(raw / "leads.csv", fixture.leads, _columns(fixture.leads, lead_columns))
    write_csv(raw / "lead_events.csv", fixture.events, _columns(fixture.events, event_columns))
    if fixture.conversions:
        write_csv(raw / "conversions.csv", fixture.conversions, ("lead_id", "converted_at"))

    marts = build_marts(name, engine, project, workdir, raw, as_of, history, variables)
    score_rows, breakdown_rows = marts["lead_scores"], marts["lead_score_breakdown"]

    scores: dict[Key, Row] = {}
    for row in score_rows:
        key = (row["lead_id"], row["scorecard_id"])
        assert key not in scores, f"{name}: two lead_scores rows for {key}"
        scores[key] = row
    breakdown: dict[Key, dict[str, Row]] = {}
    for row in breakdown_rows:
        by_rule = breakdown.setdefault((row["lead_id"], row["scorecard_id"]), {})
        assert row["rule_id"] not in by_rule, f"{name}: two breakdown rows for {row}"
        by_rule[row["rule_id"]] = row
    history: dict[Key, list[Row]] = {}
    for row in sorted(marts.get("lead_score_history", []), key=lambda row: row["valid_from"]):
        history.setdefault((row["lead_id"], row["scorecard_id"]), []).append(row)
    episodes: dict[Key, list[Row]] = {}
    for row in sorted(marts.get("lead_stage_episodes", []), key=lambda row: row["started_on"]):
        episodes.setdefault((row["lead_id"], row["scorecard_id"]), []).append(row)
    funnel = {(row["lead_id"], row["scorecard_id"]): row for row in marts.get("lead_funnel", [])}
    evaluation = {
        (row["scorecard_id"], row["cutoff_on"]): row
        for row in marts.get("scorecard_evaluation", [])
    }
    bands = {
        (row["scorecard_id"], row["cutoff_on"], row["band_type"], row["band"]): row
        for row in marts.get("scorecard_evaluation_bands", [])
    }
    rule_evaluation = {
        (row["scorecard_id"], row["cutoff_on"], row["rule_id"]): row
        for row in marts.get("scorecard_rule_evaluation", [])
    }
    relations = list_relations(engine, build_env(name, engine, project, workdir))
    return ScenarioResult(
        name=name,
        fixture=fixture,
        scores=scores,
        breakdown=breakdown,
        relations=relations,
        shipped_scorecard=seeds in ("shipped", "append"),
        history=history,
        episodes=episodes,
        funnel=funnel,
        evaluation=evaluation,
        bands=bands,
        rule_evaluation=rule_evaluation,
        comparison={
            table: marts.get(table, [])
            for table in ("scorecard_comparison", "scorecard_tier_transitions")
        },
        database=workdir / "lead_scoring.duckdb" if engine == "duckdb" else None,
    )


# ---------------------------------------------------------------------------- assertions

DECAY_TOLERANCE = 1e-6


def _same(actual: Any, expected: Any) -> bool:
    if isinstance(actual, Decimal) and isinstance(expected, float):
        # a decayed value: 0.5 ** x is irrational, the mart holds it to 6 decimals
        return abs(float(actual) - expected) <= DECAY_TOLERANCE
    if isinstance(actual, Decimal) and isinstance(expected, int | str | Decimal):
        return actual == Decimal(str(expected))
    if isinstance(expected, bool) or expected is None:
        return actual is expected
    return bool(actual == expected)


def assert_row(row: Row, label: str, **expected: Any) -> None:
    """Every named column of `row` has its expected value (points: exact Decimal, or within
    1e-6 when the expectation is a float); all mismatches are reported at once."""
    wrong = [
        f"  {column}: expected {value!r}, got {row.get(column, '<no such column>')!r}"
        for column, value in expected.items()
        if column not in row or not _same(row[column], value)
    ]
    assert not wrong, f"{label}:\n" + "\n".join(wrong)
