"""`lead-scoring diff --against GIT_REV`: what an edit of the scorecard seeds changes.

The seeds of the revision (`git show REV:./seeds/...`, from the project folder) and of the
working copy go into one pair of seeds in a copy of the project: each scorecard that differs
keeps its id with the working copy's rows, its version at the revision comes in as
`<id>@<REV>` (rule ids `<rule_id>@<REV>`) and is named its baseline (baseline_scorecard_id).
One dbt build on the same data then scores both, and scorecard_comparison,
scorecard_tier_transitions and lead_scores say what the edit changes.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from lead_scoring.suggest import read_seed, write_seed

SEEDS = ("scorecards", "scorecard_rules")
BASELINE = "baseline_scorecard_id"


class DiffError(ValueError):
    """A revision or seed `diff` cannot compare, with what to do."""


@dataclass(frozen=True)
class Seeds:
    header: dict[str, list[str]]  # seed -> columns
    rows: dict[str, list[dict[str, str]]]  # seed -> rows

    def scorecard(self, scorecard_id: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """The scorecard's row(s) and rules, as comparable lists."""
        return (
            [row for row in self.rows["scorecards"] if _id(row) == scorecard_id],
            sorted(
                (row for row in self.rows["scorecard_rules"] if _id(row) == scorecard_id),
                key=lambda row: row.get("rule_id") or "",
            ),
        )

    def active_ids(self) -> list[str]:
        return [
            _id(row)
            for row in self.rows["scorecards"]
            if (row.get("is_active") or "true").strip().lower() != "false"
        ]


def _id(row: dict[str, str]) -> str:
    return (row.get("scorecard_id") or "").strip()


def _comparable(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows without empty cells and the baseline column: a column added empty is no change."""
    kept = [(row, [key for key in row if key and key != BASELINE and (row[key] or "").strip()])
            for row in rows]  # fmt: skip
    return [{key.strip().lower(): row[key].strip() for key in keys} for row, keys in kept]


def working_seeds(project: Path) -> Seeds:
    header, rows = {}, {}
    for seed in SEEDS:
        header[seed], rows[seed] = read_seed(project / "seeds" / f"{seed}.csv")
    return Seeds(header, rows)


def seeds_at(project: Path, revision: str) -> Seeds:
    """The seeds of the project folder at a git revision."""
    header, rows = {}, {}
    for seed in SEEDS:
        completed = subprocess.run(
            ["git", "show", f"{revision}:./seeds/{seed}.csv"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise DiffError(
                f"git cannot show seeds/{seed}.csv at {revision!r}: {completed.stderr.strip()}"
            )
        path = project / "target" / "diff" / f"{seed}@revision.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(completed.stdout, encoding="utf-8")
        header[seed], rows[seed] = read_seed(path)
    return Seeds(header, rows)


@dataclass(frozen=True)
class Plan:
    changed: list[str]  # scorecards compared with their version at the revision
    unchanged: list[str]
    added: list[str]  # active now, not at the revision
    removed: list[str]  # active at the revision, not now


def plan(before: Seeds, after: Seeds) -> Plan:
    was, now = before.active_ids(), after.active_ids()
    changed, unchanged = [], []
    for scorecard_id in now:
        if scorecard_id not in was:
            continue
        old, new = before.scorecard(scorecard_id), after.scorecard(scorecard_id)
        if all(_comparable(a) == _comparable(b) for a, b in zip(old, new, strict=True)):
            unchanged.append(scorecard_id)
        else:
            changed.append(scorecard_id)
    return Plan(
        changed,
        unchanged,
        [scorecard_id for scorecard_id in now if scorecard_id not in was],
        [scorecard_id for scorecard_id in was if scorecard_id not in now],
    )


def baseline_id(scorecard_id: str, revision: str) -> str:
    return f"{scorecard_id}@{revision}"


def merged(before: Seeds, after: Seeds, changed: Sequence[str], revision: str) -> Seeds:
    """The working copy's seeds with the revision's version of each changed scorecard added
    as its baseline."""
    header: dict[str, list[str]] = {}
    rows: dict[str, list[dict[str, str]]] = {}
    for seed in SEEDS:
        columns = list(after.header[seed])
        columns += [column for column in before.header[seed] if column not in columns]
        if seed == "scorecards" and BASELINE not in columns:
            columns.append(BASELINE)
        header[seed] = columns
        rows[seed] = [
            {**row, BASELINE: baseline_id(_id(row), revision)}
            if seed == "scorecards" and _id(row) in changed
            else dict(row)
            for row in after.rows[seed]
        ]
        for row in before.rows[seed]:
            if _id(row) not in changed:
                continue
            renamed = {**row, "scorecard_id": baseline_id(_id(row), revision)}
            if seed == "scorecards":
                renamed[BASELINE] = ""
            else:
                renamed["rule_id"] = f"{(row.get('rule_id') or '').strip()}@{revision}"
            rows[seed].append(renamed)
    return Seeds(header, rows)


def write(project: Path, seeds: Seeds) -> None:
    for seed in SEEDS:
        write_seed(project / "seeds" / f"{seed}.csv", seeds.header[seed], seeds.rows[seed])


# ---------------------------------------------------------------------------------------------
# the report


def _figure(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def report(database: Path, revision: str, examples: int) -> list[str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        comparisons = connection.execute(
            "select * from scorecard_comparison order by scorecard_id"
        ).fetchall()
        names = [column[0] for column in connection.description]
        lines: list[str] = []
        for values in comparisons:
            row = dict(zip(names, values, strict=True))
            lines += _scorecard_lines(connection, row, revision, examples)
    return lines


def _scorecard_lines(
    connection: duckdb.DuckDBPyConnection, row: dict[str, object], revision: str, examples: int
) -> list[str]:
    scorecard_id, baseline = row["scorecard_id"], row["baseline_scorecard_id"]
    lines = [
        f"scorecard {scorecard_id}: the working copy against {revision} "
        f"(as of {row['as_of_date']}, {row['leads']:,} leads)",
        f"  tier (rows: at {revision}, columns: now)",
        "    " + " " * 8 + "".join(f"{tier:>8}" for tier in ("hot", "warm", "cold", "dead")),
    ]
    cells = connection.execute(
        "select baseline_tier, leads from scorecard_tier_transitions where scorecard_id = ? "
        "order by baseline_tier_rank, tier_rank",
        [scorecard_id],
    ).fetchall()
    for start in range(0, len(cells), 4):
        counts = "".join(f"{leads:>8,}" for _, leads in cells[start : start + 4])
        lines.append(f"    {cells[start][0]:<8}{counts}")
    lines.append(
        f"  leads changing tier: {row['leads_changing_tier']:,} ({row['leads_up_tier']:,} up, "
        f"{row['leads_down_tier']:,} down); changing score: {row['leads_changing_score']:,}"
    )
    for stage in ("mql", "sql"):
        label = stage.upper() + "s"
        lines.append(
            f"  {label}: {row[f'baseline_{stage}_leads']:,} -> {row[f'{stage}_leads']:,} "
            f"(gained {row[f'{stage}s_gained']:,}, lost {row[f'{stage}s_lost']:,})"
        )
        for change, now in (("gained", True), ("lost", False)):
            for lead_id, before, after, fit_before, fit_after, reasons in connection.execute(
                f"select scored.lead_id, baseline.total_score, scored.total_score, "
                f"baseline.fit_score, scored.fit_score, scored.score_reasons "
                f"from lead_scores as scored inner join lead_scores as baseline "
                f"on scored.lead_id = baseline.lead_id "
                f"where scored.scorecard_id = ? and baseline.scorecard_id = ? "
                f"and scored.is_{stage} = ? and baseline.is_{stage} = ? "
                f"order by abs(scored.total_score - baseline.total_score) desc, scored.lead_id "
                f"limit ?",
                [scorecard_id, baseline, now, not now, examples],
            ).fetchall():
                lines.append(
                    f"    {change:<6} {lead_id}  score {before} -> {after}, fit {fit_before} -> "
                    f"{fit_after}  now: {reasons or '-'}"
                )
    evaluated = [
        (label, row[f"baseline_{column}"], row[column], digits)
        for label, column, digits in (
            ("AUC", "auc", 3),
            ("KS", "ks", 3),
            ("MQL lift", "mql_lift", 2),
            ("MQL recall", "mql_recall", 2),
            ("top-decile lift", "top_decile_lift", 2),
        )
    ]
    if all(before is None and after is None for _, before, after, _ in evaluated):
        lines.append(
            "  evaluation: no figures (no cut-off evaluated, or no conversions: see "
            "scorecard_evaluation)"
        )
    else:
        lines.append(
            "  evaluation (pooled): "
            + "; ".join(
                f"{label} {_figure(before, digits)} -> {_figure(after, digits)}"
                for label, before, after, digits in evaluated
            )
        )
    return [*lines, ""]
