"""The X Education evaluation: a hand scorecard, a learned one and a logistic regression, judged
on the same held-out leads.

    uv run python benchmarks/x_education.py [--csv Leads.csv] [--work target/x_education]

1. maps ../shared/datasets/x_education/Leads.csv to raw files (lead_scoring.x_education: the
   columns that leak the outcome left out, every lead created before the cut-off, a converted
   lead converting inside the horizon after it);
2. copies the project to `--work` with the hand scorecard of examples/x_education as its only
   scorecard, and runs `lead-scoring suggest` there (it learns `x_education_learned` on the
   training part and builds both scorecards' scores as of the cut-off);
3. fits a plain logistic regression (scikit-learn: one-hot text values, numbers with a missing
   flag, standardised) on the same training part and the same attributes: the yardstick;
4. prints, for the held-out leads, the AUC, Gini and top-decile lift of each, the conversion
   rate and lift of each tier, and the gains by score decile.

scikit-learn is a yardstick here, not part of the product.
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

from lead_scoring import suggest, x_education
from lead_scoring.project import copy_project

ROOT = Path(__file__).resolve().parents[1]
HAND, LEARNED = "x_education_hand", "x_education_learned"
# every attribute a lead has before the first contact (Lead Number is an id; the always-"No"
# columns are left to the binning, which drops what does not separate)
ATTRIBUTES = (
    "Lead Origin",
    "Lead Source",
    "Do Not Email",
    "Do Not Call",
    "TotalVisits",
    "Total Time Spent on Website",
    "Page Views Per Visit",
    "Last Activity",
    "Country",
    "Specialization",
    "How did you hear about X Education",
    "What is your current occupation",
    "What matters most to you in choosing a course",
    "Search",
    "Newspaper Article",
    "X Education Forums",
    "Newspaper",
    "Digital Advertisement",
    "Through Recommendations",
    "City",
    "A free copy of Mastering The Interview",
    "Last Notable Activity",
)


def prepare(csv_path: Path, work: Path) -> tuple[Path, Path]:
    if work.exists():
        shutil.rmtree(work)
    raw, project = work / "raw", work / "project"
    counts = x_education.convert(csv_path, raw)
    print(f"{counts['leads']:,} leads, {counts['conversions']:,} converted -> {raw}")
    copy_project(ROOT, project)
    for seed in ("scorecards", "scorecard_rules"):
        shutil.copy2(ROOT / "examples" / "x_education" / f"{seed}.csv", project / "seeds")
    return raw, project


def run_suggest(raw: Path, project: Path) -> None:
    command = [
        str(Path(sys.executable).parent / "lead-scoring"), "suggest",
        "--raw-path", str(raw), "--cutoff", x_education.DEFAULT_CUTOFF.isoformat(),
        "--scorecard-id", LEARNED, "--from-scorecard", HAND,
        "--attributes", ",".join(ATTRIBUTES), "--project-dir", str(project),
    ]  # fmt: skip
    subprocess.run(command, check=True)


def logistic_scores(raw: Path, training: set[str]) -> dict[str, float]:
    leads = pd.read_csv(raw / "leads.csv", dtype=str, keep_default_na=False)
    outcomes = set(pd.read_csv(raw / "conversions.csv", dtype=str)["lead_id"])
    columns = []
    for name in ATTRIBUTES:
        text = leads[name].str.strip().replace("", None)
        number = pd.to_numeric(text, errors="coerce")
        if number.notna().sum() >= suggest.NUMERIC_SHARE * text.notna().sum():
            columns += [number.fillna(number.median()).rename(name)]
            columns += [number.isna().astype(float).rename(f"{name} missing")]
        else:
            columns += [pd.get_dummies(text.str.lower(), prefix=name, dtype=float)]
    features = pd.concat(columns, axis=1)
    is_training = leads["lead_id"].isin(training)
    scaler = StandardScaler().fit(features[is_training])
    model = LogisticRegression(max_iter=2000).fit(
        scaler.transform(features[is_training]), leads["lead_id"][is_training].isin(outcomes)
    )
    probabilities = model.predict_proba(scaler.transform(features))[:, 1]
    return dict(zip(leads["lead_id"], probabilities, strict=True))


def deciles(scores: Sequence[float]) -> list[int]:
    """The evaluation's deciles: 1 + floor(10 x leads with a higher score / leads), ties kept."""
    ordered = sorted(scores, reverse=True)
    higher = {}
    for index, score in enumerate(ordered):
        higher.setdefault(score, index)
    return [1 + math.floor(10 * higher[score] / len(scores)) for score in scores]


def figures(scores: list[float], outcomes: list[bool]) -> list[str]:
    """AUC, Gini and top-decile lift."""
    value = suggest.auc(scores, outcomes)
    assert value is not None
    base = sum(outcomes) / len(outcomes)
    top = [o for o, decile in zip(outcomes, deciles(scores), strict=True) if decile == 1]
    return [f"{value:.3f}", f"{2 * value - 1:.3f}", f"{sum(top) / len(top) / base:.2f}"]


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    print()
    for row in (header, ["---"] * len(header), *rows):
        print("| " + " | ".join(row) + " |")


def report(database: Path, logistic: dict[str, float]) -> None:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            f"select scorecard_id, lead_id, total_score, tier, has_converted "
            f"from {suggest.LABELLED}"
        ).fetchall()
    held = {
        (scorecard_id, lead_id): (score, tier, converted)
        for scorecard_id, lead_id, score, tier, converted in rows
        if not suggest.is_training(lead_id)
    }
    leads = sorted({lead_id for _, lead_id in held})
    outcomes = [held[(HAND, lead)][2] for lead in leads]
    base = sum(outcomes) / len(outcomes)
    print(f"\nheld-out leads: {len(leads):,}, converted {sum(outcomes):,}")
    columns: dict[str, list[float]] = {
        scorecard: [held[(scorecard, lead)][0] for lead in leads] for scorecard in (HAND, LEARNED)
    }
    columns["logistic regression"] = [logistic[lead] for lead in leads]
    markdown(
        ["held out", "AUC", "Gini", "top-decile lift"],
        [[name, *figures(scores, outcomes)] for name, scores in columns.items()],
    )
    outcomes_of = {
        scorecard: [held[(scorecard, lead)] for lead in leads] for scorecard in (HAND, LEARNED)
    }
    tiers = []
    for tier in ("hot", "warm", "cold", "dead"):
        cells = [tier]
        for scorecard in (HAND, LEARNED):
            band = [
                converted for _, of_tier, converted in outcomes_of[scorecard] if of_tier == tier
            ]
            rate = sum(band) / len(band) if band else 0.0
            cells.append(f"{len(band):,}, {rate:.1%}, {rate / base:.2f}" if band else "-")
        tiers.append(cells)
    markdown(["tier (held out)", *(f"{s}: leads, rate, lift" for s in (HAND, LEARNED))], tiers)
    gains = []
    of_decile = {name: deciles(scores) for name, scores in columns.items()}
    for decile in range(1, 11):
        cells = [str(decile)]
        for name in columns:
            reached = zip(outcomes, of_decile[name], strict=True)
            cells.append(f"{sum(o for o, d in reached if d <= decile) / sum(outcomes):.1%}")
        gains.append(cells)
    shares = [f"{name}: share of conversions" for name in columns]
    markdown(["score decile (held out)", *shares], gains)
    check = roc_auc_score(outcomes, columns["logistic regression"])
    print(f"\n(scikit-learn's AUC of the logistic regression: {check:.3f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--csv",
        type=Path,
        default=ROOT.parent / "shared" / "datasets" / "x_education" / "Leads.csv",
    )
    parser.add_argument("--work", type=Path, default=ROOT / "target" / "x_education")
    args = parser.parse_args(argv)
    raw, project = prepare(args.csv.resolve(), args.work.resolve())
    run_suggest(raw, project)
    leads = pd.read_csv(raw / "leads.csv", dtype=str, usecols=["lead_id"])["lead_id"]
    training = {lead for lead in leads if suggest.is_training(lead)}
    report(project / "target" / "suggest.duckdb", logistic_scores(raw, training))
    return 0


if __name__ == "__main__":
    sys.exit(main())
