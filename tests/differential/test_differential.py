"""Differential test: the real dbt project against reference.py on random inputs.

Each Hypothesis example is a whole scenario (1-3 scorecards with their rules, a few dozen
leads, a few hundred events, an as_of date; see generators.py), written as CSV files and built
with the real `dbt build` on DuckDB. Both marts must equal the reference lead by lead, for
every column (points exactly, as Decimal).

A second test does the same for the daily incremental path: a timeline is an example whose
rows arrive over four runs, usually a day apart (generators.Timeline); a first build, then
three incremental runs on the database it left (var incremental_engagement_state), each
compared with the reference on the files of its run.

A dbt build with its history and evaluation takes ~30 s alone and more beside the suite's
other builds, so the number of examples is small and configurable (a nightly run can ask more):

    DIFFERENTIAL_EXAMPLES=8       examples per run (default 3)
    DIFFERENTIAL_TIMELINES=2      timelines per run (default 1, four builds each)
    DIFFERENTIAL_DERANDOMIZE=0    new random examples on every run (default: the same examples
                                  every run, so CI is reproducible)
    DIFFERENTIAL_SHRINK=1         let Hypothesis shrink a failing example (slow: one dbt build
                                  per step; off by default)
    DIFFERENTIAL_DATA_TESTS=1     also run the project's data and unit tests in each build
    DIFFERENTIAL_WORKDIR=DIR      where the examples are written (default: a temporary folder)
    DIFFERENTIAL_KEEP=1           keep the folders of passing examples too

`--hypothesis-seed=N` picks other examples; it only has an effect with derandomization off
(it is turned off automatically when the option is given), e.g.

    uv run pytest tests/differential --hypothesis-seed=12345

A failing example leaves its folder (CSV files, dbt output, differences.txt) and the failure
message names it (a timeline: its folder, with one folder per run); re-run just that example
or timeline with

    DIFFERENTIAL_REPLAY=/path/to/example uv run pytest tests/differential -k replay
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from datetime import date
from functools import cache
from pathlib import Path

import harness
import pytest
from generators import (
    CONVERSION_COLUMNS,
    DAILY_RUNS,
    EVENT_COLUMNS,
    LEAD_COLUMNS,
    RULE_COLUMNS,
    SCORECARD_COLUMNS,
    Example,
    Seeds,
    Sources,
    Timeline,
    examples,
    timelines,
)
from hypothesis import HealthCheck, Phase, assume, given, note, settings
from hypothesis import core as hypothesis_core

EXAMPLES = int(os.environ.get("DIFFERENTIAL_EXAMPLES", "3"))
TIMELINES = int(os.environ.get("DIFFERENTIAL_TIMELINES", "1"))
SEED_GIVEN = getattr(hypothesis_core, "global_force_seed", None) is not None
DERANDOMIZE = os.environ.get("DIFFERENTIAL_DERANDOMIZE", "1") != "0" and not SEED_GIVEN
SHRINK = os.environ.get("DIFFERENTIAL_SHRINK") == "1"
KEEP = os.environ.get("DIFFERENTIAL_KEEP") == "1"

_counter = itertools.count(1)


def random_settings(max_examples: int) -> settings:
    """Hypothesis settings of the random tests: few examples, no deadline, reproducible unless
    asked otherwise, no shrinking unless asked (each step is a dbt build)."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=DERANDOMIZE,
        database=None,
        phases=(Phase.explicit, Phase.reuse, Phase.generate, *((Phase.shrink,) if SHRINK else ())),
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


_passed: set[str] = set()


@cache
def workdir() -> Path:
    configured = os.environ.get("DIFFERENTIAL_WORKDIR")
    if configured:
        path = Path(configured)
        path.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="run-", dir=path))
    return Path(tempfile.mkdtemp(prefix="lead-scoring-differential-"))


@cache
def project(as_of: date) -> Path:
    """A copy of the dbt project per as_of date (so that dbt parses partially from one example
    to the next); each example brings its seeds and raw files."""
    return harness.copy_project(workdir() / f"project-{as_of.isoformat()}")


def write_example(example: Example, folder: Path) -> None:
    """The example's files: the two scorecard seeds, the raw sources and the as_of date."""
    harness.write_csv(
        folder / "seeds" / "scorecards.csv",
        example.seeds.scorecards,
        harness.seed_header("scorecards"),
    )
    harness.write_csv(
        folder / "seeds" / "scorecard_rules.csv",
        example.seeds.rules,
        harness.seed_header("scorecard_rules"),
    )
    harness.write_csv(folder / "raw" / "leads.csv", example.sources.leads, LEAD_COLUMNS)
    harness.write_csv(folder / "raw" / "lead_events.csv", example.sources.events, EVENT_COLUMNS)
    harness.write_csv(
        folder / "raw" / "conversions.csv", example.sources.conversions, CONVERSION_COLUMNS
    )
    (folder / "as_of.txt").write_text(example.as_of.isoformat() + "\n", encoding="utf-8")


def check_example(folder: Path) -> None:
    as_of = date.fromisoformat((folder / "as_of.txt").read_text(encoding="utf-8").strip())
    differences, compared = harness.run_example(project(as_of), folder)
    if differences:
        raise AssertionError(harness.describe(differences, folder))
    assert compared > 0, f"no lead_scores row at all in {folder}: the example tests nothing"
    if not KEEP:
        shutil.rmtree(folder, ignore_errors=True)


def check_timeline(folder: Path) -> None:
    """Runs the runs of a timeline folder (`run-0`, `run-1`, ...) in order on one project copy
    and database: a first build, then daily runs."""
    project_copy = harness.copy_project(folder / "project")
    runs = sorted(folder.glob("run-*"), key=lambda run: int(run.name.removeprefix("run-")))
    compared = 0
    for run in runs:
        differences, rows = harness.run_example(project_copy, run, daily=True)
        if differences:
            kind = "the first build" if run == runs[0] else "a daily run"
            raise AssertionError(
                f"{run.name} of the timeline in {folder} ({kind}) differs:\n"
                + harness.describe(differences, run, replay=folder)
            )
        compared += rows
    assert compared > 0, f"no lead_scores row at all in {folder}: the timeline tests nothing"
    if not KEEP:
        shutil.rmtree(folder, ignore_errors=True)


def test_seed_headers_are_the_shipped_ones() -> None:
    """The generators write exactly the columns of the shipped scorecard seeds."""
    assert list(SCORECARD_COLUMNS) == harness.seed_header("scorecards")
    assert list(RULE_COLUMNS) == harness.seed_header("scorecard_rules")


@random_settings(EXAMPLES)
@given(example=examples())
def test_dbt_marts_equal_reference(example: Example) -> None:
    # Hypothesis sometimes generates an example again (it differs only in draws that do not
    # reach the files): skip one that passed rather than spend a dbt build on it
    fingerprint = example.fingerprint()
    assume(fingerprint not in _passed)
    folder = workdir() / f"example-{next(_counter):03d}"
    write_example(example, folder)
    note(f"example files: {folder}")
    check_example(folder)
    _passed.add(fingerprint)


@random_settings(TIMELINES)
@given(timeline=timelines())
def test_daily_runs_equal_reference(timeline: Timeline) -> None:
    """The incremental path on random data delivered over several days (see Timeline): a
    first build, then daily runs on the database it left, each with the rows that arrived
    since. After every run both marts must equal the reference on the files of that run."""
    folder = workdir() / f"timeline-{next(_counter):03d}"
    for number in range(DAILY_RUNS + 1):
        write_example(timeline.run(number), folder / f"run-{number}")
    note(f"timeline files: {folder}")
    check_timeline(folder)


def test_many_exact_duplicate_events() -> None:
    """A fixed example: 300 events, each written twice. Every event counts once (SCORING.md
    §1: exact duplicate rows count once). Found by the random test: with enough rows, the two
    independent row_number() windows of int_lead_events_classified can order a pair of exact
    copies differently, and then neither copy is scored."""
    as_of = date(2026, 3, 15)
    scorecard = {
        "scorecard_id": "dup",
        "mql_min_score": "30",
        "sql_min_score": "60",
        "hot_min_score": "60",
        "warm_min_score": "30",
        "grade_a_min_fit": "30",
        "grade_b_min_fit": "20",
        "grade_c_min_fit": "10",
        "level_1_min_engagement": "50",
        "level_2_min_engagement": "30",
        "level_3_min_engagement": "10",
    }
    rules = [
        {
            "scorecard_id": "dup",
            "rule_id": "open",
            "dimension": "engagement",
            "event_type": "email_open",
            "points": "0.01",
        }
    ]
    leads = [{"lead_id": f"L{number}", "created_at": "2025-01-01"} for number in range(1, 4)]
    events = []
    for number in range(300):
        row = {
            "event_id": f"E{number:03d}",
            "lead_id": f"L{number % 3 + 1}",
            "event_type": "email_open",
            "occurred_at": f"2026-03-{number % 14 + 1:02d} 10:00:00",
            "event_detail": "",
        }
        events += [row, dict(row)]
    example = Example(
        as_of=as_of,
        seeds=Seeds(scorecards=[scorecard], rules=rules),
        sources=Sources(leads=leads, events=events),
    )
    folder = workdir() / "example-exact-duplicates"
    write_example(example, folder)
    check_example(folder)


@pytest.mark.skipif(
    not os.environ.get("DIFFERENTIAL_REPLAY"), reason="set DIFFERENTIAL_REPLAY=<example folder>"
)
def test_replay() -> None:
    """Re-runs one saved example or timeline folder (DIFFERENTIAL_REPLAY), e.g. after a fix."""
    source = Path(os.environ["DIFFERENTIAL_REPLAY"])
    folder = workdir() / f"replay-{source.name}"
    runs = sorted(source.glob("run-*"))  # a timeline's runs; none for an example
    for run in runs or [source]:
        target = folder / run.relative_to(source)
        for name in ("seeds", "raw"):
            shutil.copytree(run / name, target / name, dirs_exist_ok=True)
        shutil.copy2(run / "as_of.txt", target / "as_of.txt")
    (check_timeline if runs else check_example)(folder)
