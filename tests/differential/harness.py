"""Running one differential example: the real dbt project vs reference.py.

An example is a folder with `seeds/scorecards.csv`, `seeds/scorecard_rules.csv`,
`raw/leads.csv`, `raw/lead_events.csv` and `as_of.txt`. `run_example` copies its seeds into a
copy of the project, runs dbt (seeds and models; the project's own data and unit tests are
left out unless DIFFERENTIAL_DATA_TESTS=1), reads the two marts, runs the reference on the
same CSV files and returns the differences (an empty list when the two agree).
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import reference

PROJECT_DIR = Path(__file__).resolve().parents[2]
DBT_EXECUTABLE = Path(sys.executable).parent / "dbt"
PROJECT_FILES: tuple[str, ...] = (
    "dbt_project.yml",
    "profiles.yml",
    "packages.yml",
    "dependencies.yml",
)
PROJECT_FOLDERS: tuple[str, ...] = ("models", "macros", "seeds", "tests/dbt")
REPLACED_SEEDS: tuple[str, ...] = ("scorecards", "scorecard_rules")
MAX_REPORTED_LEADS = 15
# the days of lead_score_history the examples build and check against the reference
HISTORY_DAYS = 21
# the evaluation's horizon, and its cut-offs in days before as_of: 20 is the history's first
# day, 2 has no full horizon yet (not evaluated); generators.CONVERSION_AGES covers them
EVALUATION_HORIZON_DAYS = 5
EVALUATION_CUTOFF_AGES: tuple[int, ...] = (2, 5, 9, 20)

Row = dict[str, Any]


# ---------------------------------------------------------------------------- files


def evaluation_cutoffs(as_of: date) -> list[date]:
    """The cut-off days the examples evaluate (var evaluation_cutoffs)."""
    return [as_of - timedelta(days=age) for age in EVALUATION_CUTOFF_AGES]


def write_csv(path: Path, rows: Sequence[Mapping[str, str]], columns: Sequence[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(column, "") for column in columns])


def read_csv(path: Path) -> list[dict[str, str | None]]:
    """Rows as the reference takes them: texts, '' as null."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            {column: (value if value != "" else None) for column, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def seed_header(seed: str) -> list[str]:
    """The header of the shipped seed; the example seeds use exactly it."""
    with (PROJECT_DIR / "seeds" / f"{seed}.csv").open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def copy_project(target: Path) -> Path:
    """A copy of the dbt project (without its build artefacts) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("target", "logs", "dbt_packages", "__pycache__", ".user.yml")
    for name in PROJECT_FILES:
        if (PROJECT_DIR / name).is_file():
            shutil.copy2(PROJECT_DIR / name, target / name)
    for name in PROJECT_FOLDERS:
        if (PROJECT_DIR / name).is_dir():
            shutil.copytree(PROJECT_DIR / name, target / name, ignore=ignore, dirs_exist_ok=True)
    return target


# ---------------------------------------------------------------------------- dbt


@dataclass
class DbtMarts:
    """The rows of the marts a build of an example left."""

    scores: list[Row]
    breakdown: list[Row]
    history: list[Row]
    evaluation: list[Row]
    bands: list[Row]
    rules: list[Row]


def run_dbt(project: Path, example: Path, as_of: date, daily: bool = False) -> tuple[DbtMarts, str]:
    """Builds the example with dbt and returns the rows of lead_scores, the breakdown,
    lead_score_history (HISTORY_DAYS days) and the evaluation marts (EVALUATION_CUTOFF_AGES),
    and dbt's output.

    The example's seeds and raw files are copied into the project copy (raw files to
    `<project>/raw`), and the database is `<project>/lead_scoring.duckdb`, so that the vars and
    the profile stay the same from one example to the next and dbt can parse partially
    (a full parse costs ~5 s). Use one project copy per as_of date for the same reason.

    `daily`: the incremental engagement state is on (var incremental_engagement_state) and the
    database the previous run of this project left is kept, so that the run is a daily run
    when one came before (the first run of a project is a full build either way).
    """
    for seed in REPLACED_SEEDS:
        shutil.copy2(example / "seeds" / f"{seed}.csv", project / "seeds" / f"{seed}.csv")
    shutil.copytree(example / "raw", project / "raw", dirs_exist_ok=True)
    database = project / "lead_scoring.duckdb"
    dbt_vars = {
        "raw_path": str(project / "raw"),
        "as_of": as_of.isoformat(),
        "history_days": HISTORY_DAYS,
        "evaluation_horizon_days": EVALUATION_HORIZON_DAYS,
        "evaluation_cutoffs": [cutoff.isoformat() for cutoff in evaluation_cutoffs(as_of)],
    }
    if daily:
        dbt_vars["incremental_engagement_state"] = True
    else:
        database.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project),
        "DBT_TARGET_PATH": str(project / "target"),
        "DBT_LOG_PATH": str(project / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_USE_COLORS": "false",
        "LEAD_SCORING_TARGET": "duckdb",
        "LEAD_SCORING_DUCKDB_PATH": str(database),
        "LEAD_SCORING_DUCKDB_TEMP_DIR": str(project / "duckdb_tmp"),
        "LEAD_SCORING_THREADS": "4",
    }
    command = [
        str(DBT_EXECUTABLE),
        "build",
        "--project-dir",
        str(project),
        "--vars",
        json.dumps(dbt_vars),
    ]
    if os.environ.get("DIFFERENTIAL_DATA_TESTS") != "1":
        # the seeds and the models the two marts need, without the project's own tests
        command += [
            "--select",
            "+lead_scores",
            "+lead_score_breakdown",
            "+lead_score_history",
            "+int_history_inputs_counted",
            "+scorecard_evaluation",
            "+scorecard_evaluation_bands",
            "+scorecard_rule_evaluation",
            "--exclude",
            "resource_type:test",
            "resource_type:unit_test",
        ]
    completed = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    output = completed.stdout + completed.stderr
    (example / "dbt_output.txt").write_text(output, encoding="utf-8")
    if completed.returncode != 0:
        raise AssertionError(
            f"dbt build failed (exit {completed.returncode}) on the example in {example}:\n"
            f"{output[-8000:]}"
        )
    with duckdb.connect(str(database), read_only=True) as connection:
        scores = _read_table(connection, "lead_scores")
        breakdown = _read_table(connection, "lead_score_breakdown")
        history = _read_table(connection, "lead_score_history")
        evaluation = _read_table(connection, "scorecard_evaluation")
        bands = _read_table(connection, "scorecard_evaluation_bands")
        rules = _read_table(connection, "scorecard_rule_evaluation")
    return DbtMarts(scores, breakdown, history, evaluation, bands, rules), output


def _read_table(connection: duckdb.DuckDBPyConnection, table: str) -> list[Row]:
    cursor = connection.execute(f"select * from main.{table}")
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


# ---------------------------------------------------------------------------- comparison


def same(actual: Any, expected: Any) -> bool:
    """Equal values of the same kind: no 1 == True, no Decimal vs float, None only for None."""
    if actual is None or expected is None:
        return actual is None and expected is None
    if isinstance(actual, bool) or isinstance(expected, bool):
        return type(actual) is type(expected) and actual == expected
    if isinstance(actual, Decimal) or isinstance(expected, Decimal):
        return isinstance(actual, Decimal) and isinstance(expected, Decimal) and actual == expected
    return type(actual) is type(expected) and bool(actual == expected)


@dataclass
class Difference:
    lead_id: str
    text: str


def _index(rows: Iterable[Row], key: Sequence[str]) -> dict[tuple[Any, ...], Row]:
    index: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        row_key = tuple(row[column] for column in key)
        if row_key in index:
            raise AssertionError(f"two rows for {dict(zip(key, row_key, strict=True))}")
        index[row_key] = row
    return index


def compare(
    table: str,
    actual_rows: Iterable[Row],
    expected_rows: Iterable[Row],
    key: Sequence[str],
    columns: Sequence[str],
) -> list[Difference]:
    """The differences between the dbt rows and the reference rows of one mart."""
    actual_rows = list(actual_rows)
    actual = _index(actual_rows, key)
    expected = _index(expected_rows, key)
    differences = []
    if actual_rows and list(actual_rows[0]) != list(columns):
        differences.append(
            Difference(
                "(all)",
                f"{table}: dbt has the columns {list(actual_rows[0])}, "
                f"the reference {list(columns)}",
            )
        )
    for row_key in sorted(actual.keys() | expected.keys(), key=repr):
        label = f"{table} {dict(zip(key, row_key, strict=True))}"
        if row_key not in actual:
            differences.append(
                Difference(
                    str(row_key[0]), f"{label}: missing in dbt; reference: {expected[row_key]}"
                )
            )
        elif row_key not in expected:
            differences.append(
                Difference(str(row_key[0]), f"{label}: only in dbt: {actual[row_key]}")
            )
        else:
            wrong = [
                f"    {column}: dbt {actual[row_key].get(column)!r} != "
                f"reference {expected[row_key].get(column)!r}"
                for column in columns
                if not same(actual[row_key].get(column), expected[row_key].get(column))
            ]
            if wrong:
                differences.append(Difference(str(row_key[0]), f"{label}:\n" + "\n".join(wrong)))
    return differences


def describe(differences: Sequence[Difference], example: Path, replay: Path | None = None) -> str:
    """A readable report: the differences of the first leads, with their input rows, and how
    to re-run the example (or the `replay` folder it belongs to, e.g. a timeline)."""
    leads = read_csv(example / "raw" / "leads.csv")
    events = read_csv(example / "raw" / "lead_events.csv")
    by_lead: dict[str, list[str]] = {}
    for difference in differences:
        by_lead.setdefault(difference.lead_id, []).append(difference.text)
    parts = [
        f"{len(differences)} difference(s) on {len(by_lead)} lead(s) between dbt and "
        f"reference.py; example files in {example}",
        f"re-run it: DIFFERENTIAL_REPLAY={replay or example} "
        "uv run pytest tests/differential -k replay",
    ]
    for lead_id, texts in list(by_lead.items())[:MAX_REPORTED_LEADS]:
        parts.append(f"\n== lead {lead_id!r}")
        parts.extend(texts)
        lead_rows = [row for row in leads if (row.get("lead_id") or "").strip(" ") == lead_id]
        event_rows = [row for row in events if (row.get("lead_id") or "").strip(" ") == lead_id]
        parts.append("  input leads rows:")
        parts.extend(f"    {row}" for row in lead_rows)
        parts.append(f"  input lead_events rows ({len(event_rows)}):")
        parts.extend(f"    {row}" for row in event_rows)
    if len(by_lead) > MAX_REPORTED_LEADS:
        parts.append(f"\n... and {len(by_lead) - MAX_REPORTED_LEADS} more lead(s)")
    return "\n".join(parts)


def reference_inputs(example: Path) -> dict[str, Any]:
    """The example's files (and the shipped reference seeds), as the reference takes them."""
    return {
        "scorecards": read_csv(example / "seeds" / "scorecards.csv"),
        "scorecard_rules": read_csv(example / "seeds" / "scorecard_rules.csv"),
        "country_regions": read_csv(PROJECT_DIR / "seeds" / "country_regions.csv"),
        "matrix_segments": read_csv(PROJECT_DIR / "seeds" / "matrix_segments.csv"),
        "leads": read_csv(example / "raw" / "leads.csv"),
        "events": read_csv(example / "raw" / "lead_events.csv"),
    }


def compare_history(
    periods: Sequence[Row], expected: dict[tuple[str, str, date], Row]
) -> list[Difference]:
    """lead_score_history against its defining property (SCORING.md §5): for every day of
    the history, the period covering it has the outputs of the reference scored as of that
    day; periods of a lead never overlap, leave no gap, start on a day the lead is scored,
    the last is open (valid_to null), and two consecutive ones differ."""
    differences: list[Difference] = []
    by_lead: dict[tuple[str, str], list[Row]] = {}
    for period in periods:
        by_lead.setdefault((period["lead_id"], period["scorecard_id"]), []).append(period)
    for (lead_id, scorecard_id), rows in sorted(by_lead.items()):
        rows.sort(key=lambda row: row["valid_from"])
        label = f"lead_score_history ({lead_id!r}, {scorecard_id!r})"
        for before, after in itertools.pairwise(rows):
            if before["valid_to"] != after["valid_from"]:
                differences.append(
                    Difference(
                        lead_id,
                        f"{label}: {before} ends on "
                        f"{before['valid_to']}, the next starts on "
                        f"{after['valid_from']}",
                    )
                )
            if all(same(before[c], after[c]) for c in reference.HISTORY_OUTPUTS):
                differences.append(
                    Difference(
                        lead_id,
                        f"{label}: two consecutive periods "
                        f"with the same outputs: {before}, {after}",
                    )
                )
        if rows[-1]["valid_to"] is not None:
            differences.append(
                Difference(lead_id, f"{label}: the last period is closed: {rows[-1]}")
            )
        if (lead_id, scorecard_id, rows[0]["valid_from"]) not in expected:
            differences.append(
                Difference(
                    lead_id,
                    f"{label}: a period starts on "
                    f"{rows[0]['valid_from']}, when the lead is not "
                    "scored",
                )
            )
    for (lead_id, scorecard_id, day), outputs in sorted(expected.items(), key=repr):
        covering = [
            row
            for row in by_lead.get((lead_id, scorecard_id), [])
            if row["valid_from"] <= day and (row["valid_to"] is None or day < row["valid_to"])
        ]
        label = f"lead_score_history ({lead_id!r}, {scorecard_id!r}) on {day}"
        if len(covering) != 1:
            differences.append(
                Difference(
                    lead_id, f"{label}: {len(covering)} periods cover it; reference: {outputs}"
                )
            )
            continue
        wrong = [
            f"    {column}: dbt {covering[0][column]!r} != reference {value!r}"
            for column, value in outputs.items()
            if not same(covering[0][column], value)
        ]
        if wrong:
            differences.append(
                Difference(
                    lead_id,
                    f"{label} (period from {covering[0]['valid_from']}):\n" + "\n".join(wrong),
                )
            )
    return differences


def run_example(project: Path, example: Path, daily: bool = False) -> tuple[list[Difference], int]:
    """Runs dbt (`daily`: see run_dbt) and the reference on the example; returns the
    differences and the number of lead_scores rows compared."""
    as_of = date.fromisoformat((example / "as_of.txt").read_text(encoding="utf-8").strip())
    inputs = reference_inputs(example)
    expected = reference.score(as_of=as_of, **inputs)
    marts, _ = run_dbt(project, example, as_of, daily)
    differences = compare(
        "lead_scores",
        marts.scores,
        expected.lead_scores,
        ("lead_id", "scorecard_id"),
        reference.LEAD_SCORES_COLUMNS,
    ) + compare(
        "lead_score_breakdown",
        marts.breakdown,
        expected.breakdown,
        ("lead_id", "scorecard_id", "rule_id"),
        reference.BREAKDOWN_COLUMNS,
    )
    history = reference.history(days=HISTORY_DAYS, as_of=as_of, **inputs)
    differences += compare_history(marts.history, history.outputs)
    scorecards = reference.read_scorecards(inputs["scorecards"])
    evaluation = reference.evaluation(
        history=history,
        rules=reference.read_rules(inputs["scorecard_rules"], scorecards),
        conversions=read_csv(example / "raw" / "conversions.csv"),
        cutoffs=evaluation_cutoffs(as_of),
        horizon=EVALUATION_HORIZON_DAYS,
        as_of=as_of,
        days=HISTORY_DAYS,
    )
    differences += (
        compare(
            "scorecard_evaluation",
            marts.evaluation,
            evaluation.evaluation,
            ("scorecard_id", "cutoff_on"),
            reference.EVALUATION_COLUMNS,
        )
        + compare(
            "scorecard_evaluation_bands",
            marts.bands,
            evaluation.bands,
            ("scorecard_id", "cutoff_on", "band_type", "band"),
            reference.BAND_COLUMNS,
        )
        + compare(
            "scorecard_rule_evaluation",
            marts.rules,
            evaluation.rules,
            ("scorecard_id", "cutoff_on", "rule_id"),
            reference.RULE_EVALUATION_COLUMNS,
        )
    )
    if differences:
        (example / "differences.txt").write_text(describe(differences, example), encoding="utf-8")
        shutil.copy2(project / "lead_scoring.duckdb", example / "lead_scoring.duckdb")
    return differences, len(marts.scores)
