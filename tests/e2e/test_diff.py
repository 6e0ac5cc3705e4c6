"""`lead-scoring diff --against GIT_REV` (src/lead_scoring/diff.py) on a scorecard edit whose
effects are worked out by hand, and scorecard_comparison / scorecard_tier_transitions as it
builds them.

Committed: scorecard `d` (MQL from 30, SQL and hot from 60, warm from 30): a director +40
fit, each demo_request +30 (no decay, no window); scorecard `u`, which the edit leaves alone.
The edit: the director's points 40 -> 25, mql_min_score 30 -> 35, a new rule: each
pricing_page +40.

lead  title     events        before                    after
A     Director  -             40 warm MQL               25 cold            (MQL lost; down)
B     Director  demo          70 hot MQL SQL            55 warm MQL        (SQL lost; down)
C     -         demo          30 warm MQL               30 warm            (MQL lost; same tier)
D     -         pricing page   0 cold                   40 warm MQL        (MQL gained; up)
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import background
import duckdb
import pytest
from scenario import (
    AS_OF,
    EVENT_COLUMNS,
    LEAD_COLUMNS,
    Row,
    cli_or_fail,
    copy_project,
    day,
    event,
    lead,
    rule,
    scorecard,
    write_csv,
    write_seeds,
)

DIRECTOR = {"attribute": "job_title", "operator": "contains", "value": "director"}
BEFORE_RULES = [
    rule("d", "d_director", "fit", **DIRECTOR, points="40"),
    rule("d", "d_demo", "engagement", event_type="demo_request", points="30"),
    rule("u", "u_director", "fit", **DIRECTOR, points="10"),
]
AFTER_RULES = [
    rule("d", "d_director", "fit", **DIRECTOR, points="25"),
    rule("d", "d_demo", "engagement", event_type="demo_request", points="30"),
    rule("d", "d_pricing", "engagement", event_type="pricing_page", points="40"),
    BEFORE_RULES[2],
]
LEADS = [
    lead("A", job_title="Director of Sales"),
    lead("B", job_title="Marketing Director"),
    lead("C"),
    lead("D"),
]
EVENTS = [
    event("b-demo", "B", "demo_request", day(10)),
    event("c-demo", "C", "demo_request", day(10)),
    event("d-pricing", "D", "pricing_page", day(10)),
]


@dataclass(frozen=True)
class DiffRun:
    output: str
    comparison: list[Row]
    transitions: dict[tuple[str, str], int]  # (tier before, tier after) -> leads


def _git(project: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", *arguments],
        cwd=project,
        check=True,
        capture_output=True,
    )


@background.job("diff_run")
def run_diff(workdir: Path) -> DiffRun:
    project, raw = workdir / "project", workdir / "raw"
    project.mkdir()
    raw.mkdir()
    copy_project(project)
    write_csv(raw / "leads.csv", LEADS, LEAD_COLUMNS)
    write_csv(raw / "lead_events.csv", EVENTS, EVENT_COLUMNS)
    write_seeds(project, [scorecard("d"), scorecard("u")], BEFORE_RULES)
    _git(project, "init", "-q")
    _git(project, "add", "seeds")
    _git(project, "commit", "-q", "-m", "scorecards")
    write_seeds(project, [scorecard("d", mql_min_score="35"), scorecard("u")], AFTER_RULES)
    output = cli_or_fail(
        project, workdir, "diff", "--against", "HEAD", "--raw-path", str(raw),
        "--as-of", AS_OF.isoformat(),
    )  # fmt: skip
    database = project / "target" / "diff" / "diff.duckdb"
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute("select * from scorecard_comparison")
        names = [column[0] for column in cursor.description]
        comparison = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        transitions = {
            (before, after): leads
            for before, after, leads in connection.execute(
                "select baseline_tier, tier, leads from scorecard_tier_transitions"
            ).fetchall()
        }
    return DiffRun(output, comparison, transitions)


@pytest.fixture(scope="module")
def diff_run() -> DiffRun:
    result: DiffRun = background.result("diff_run")
    return result


def test_only_the_edited_scorecard_is_compared(diff_run: DiffRun) -> None:
    assert "scorecards unchanged: u" in diff_run.output
    assert [(row["scorecard_id"], row["baseline_scorecard_id"]) for row in diff_run.comparison] == [
        ("d", "d@HEAD")
    ]


def test_the_comparison(diff_run: DiffRun) -> None:
    (row,) = diff_run.comparison
    expected = {
        "leads": 4,
        "leads_changing_tier": 3,  # A, B, D
        "leads_up_tier": 1,  # D
        "leads_down_tier": 2,  # A, B
        "leads_changing_score": 3,  # A 40 -> 25, B 70 -> 55, D 0 -> 40
        "mql_leads": 2,  # B, D
        "baseline_mql_leads": 3,  # A, B, C
        "mqls_gained": 1,  # D
        "mqls_lost": 2,  # A, C
        "sql_leads": 0,
        "baseline_sql_leads": 1,  # B
        "sqls_gained": 0,
        "sqls_lost": 1,  # B
    }
    assert {key: row[key] for key in expected} == expected
    # no conversions file: the evaluation has no figures
    assert (row["auc"], row["baseline_auc"]) == (None, None)


def test_the_transition_table(diff_run: DiffRun) -> None:
    moved = {pair: leads for pair, leads in diff_run.transitions.items() if leads}
    assert moved == {
        ("warm", "cold"): 1,
        ("hot", "warm"): 1,
        ("warm", "warm"): 1,
        ("cold", "warm"): 1,
    }
    assert len(diff_run.transitions) == 16


def test_the_printed_changes_with_example_leads(diff_run: DiffRun) -> None:
    lines = diff_run.output.splitlines()
    assert "  MQLs: 3 -> 2 (gained 1, lost 2)" in lines
    assert "  SQLs: 1 -> 0 (gained 0, lost 1)" in lines
    examples = [
        line.split("  now:")[0] for line in lines if line.startswith("    ") and "score" in line
    ]
    # largest change first: A (15 points) before C (none)
    assert examples == [
        "    gained D  score 0 -> 40, fit 0 -> 0",
        "    lost   A  score 40 -> 25, fit 40 -> 25",
        "    lost   C  score 30 -> 30, fit 0 -> 0",
        "    lost   B  score 70 -> 55, fit 40 -> 25",
    ]
    assert "  leads changing tier: 3 (1 up, 2 down); changing score: 3" in lines
    assert any(line.startswith("  evaluation: no figures") for line in lines)


def test_a_revision_git_does_not_know(tmp_path: Path) -> None:
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "lead-scoring"), "diff", "--against", "no-such-rev",
         "--project-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert completed.returncode == 2
    assert "git cannot show seeds/scorecards.csv at 'no-such-rev'" in completed.stderr
