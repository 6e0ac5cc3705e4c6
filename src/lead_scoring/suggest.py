"""`lead-scoring suggest`: learn a scorecard's points from the leads and conversions of a folder.

The leads are those of the evaluation's population at a cut-off day (SCORING.md §6: scored as
of the cut-off, not converted on or before it), the outcome a conversion in the horizon after
it. The project's own dbt build, as of the end of the horizon, computes both
(int_evaluation_leads_labelled), so the leads, attributes and events are read exactly as the
scoring reads them.

A lead is in the training part when the first eight hexadecimal digits of the MD5 of its
lead_id, read as a number, modulo 100 are below 70 (about 70 % of the leads, the same leads on
every run and every machine); the others are held out. Only the training part is learned from.

For each fit attribute (numbers binned, text values grouped) and each engagement event type
(the number of its events in the `window_days` before the cut-off, binned), optbinning's
OptimalBinning finds the bands; a band's weight of evidence is
ln((converting leads in it + 0.5) / (converting leads + 0.5 x bands)) -
ln((non-converting leads in it + 0.5) / (non-converting leads + 0.5 x bands)): the definition
of SCORING.md §6, with half a lead added to each band so an empty side stays finite. Points are
WoE x a factor: by default the factor that gives the best possible lead 100 points (the points
that double the odds, factor x ln 2, are printed), or `--points-to-double-odds`. A fit
attribute's weakest band gets 0 points, an event type's band without events 0 points.

The bands become ordinary rules a marketer can read and edit: a text attribute's groups `in`
rules, a number's bands `gte` rules (or `lt` when fewer is better) in one rule_group (the
matching rule with the most points counts), blanks an `is_null` rule, and an event type's bands
`at_least` rules whose points add up (a lead with 3 events matches `at_least 1` and
`at_least 3`). Rules of 0 points are left out. The scorecard's tier, grade and level cut-offs
are quantiles of the training leads' learned scores (hot: the top tenth, warm and MQL: the top
30 %, SQL: hot); exclusion rules and SQL triggers are copied from `--from-scorecard`.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import duckdb

TRAINING_PERCENT = 70
SMOOTHING = 0.5
# optbinning: a band holds at least 5 % of the training leads; text values of fewer than 1 % of
# them are pooled before grouping (else a rare value's few leads would set its points)
MIN_BAND_SHARE = 0.05
RARE_VALUE_SHARE = 0.01
LABELLED = "main_intermediate.int_evaluation_leads_labelled"


class SuggestError(ValueError):
    """An input `suggest` cannot learn from, with what to do."""


def is_training(lead_id: str) -> bool:
    """The deterministic split: MD5 of the lead_id, first 8 hex digits, modulo 100, below 70."""
    digest = hashlib.md5(lead_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < TRAINING_PERCENT


def identifier(name: str) -> str:
    """A DuckDB quoted identifier."""
    return '"' + name.replace('"', '""') + '"'


def slug(text: str) -> str:
    return re.sub("[^a-z0-9]+", "_", text.lower()).strip("_") or "attribute"


def round_half_away(value: float) -> int:
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def number_text(value: float) -> str:
    """A number as a rule value: no exponent, no trailing zeros."""
    return f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def auc(scores: Sequence[float], outcomes: Sequence[bool]) -> float | None:
    """The probability that a converting lead scores higher than a non-converting one, ties
    counting one half (Mann-Whitney); None without both kinds of lead."""
    ranked = sorted(zip(scores, outcomes, strict=True))
    positives = sum(outcomes)
    negatives = len(outcomes) - positives
    if positives == 0 or negatives == 0:
        return None
    rank_sum, start = 0.0, 0
    while start < len(ranked):
        end = start
        while end < len(ranked) and ranked[end][0] == ranked[start][0]:
            end += 1
        mean_rank = (start + 1 + end) / 2
        rank_sum += mean_rank * sum(1 for _, outcome in ranked[start:end] if outcome)
        start = end
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


# ---------------------------------------------------------------------------------------------
# the data


@dataclass(frozen=True)
class Attribute:
    name: str  # as the rules name it (trimmed, lower case)
    label: str  # as the file spells it
    values: dict[str, str | None]  # lead_id -> comparison form (trimmed, lower case)


@dataclass(frozen=True)
class LearningData:
    outcomes: dict[str, bool]  # population lead_id -> converted in the horizon
    attributes: list[Attribute]
    event_counts: dict[str, dict[str, int]]  # event_type -> lead_id -> events in the window
    scores: dict[str, dict[str, int]]  # scorecard_id -> lead_id -> total_score at the cut-off


def read_data(
    database: Path,
    cutoff: date,
    window_days: int,
    attribute_names: Sequence[str] | None,
    from_scorecard: str | None,
) -> LearningData:
    with duckdb.connect(str(database), read_only=True) as connection:
        labelled = connection.execute(
            f"select lead_id, scorecard_id, total_score, has_converted from {LABELLED} "
            "where cutoff_on = ?",
            [cutoff],
        ).fetchall()
        if not labelled:
            raise SuggestError(
                f"no lead of the population at the cut-off {cutoff}: no lead created on or "
                "before it that had not converted by then"
            )
        outcomes = {lead_id: bool(converted) for lead_id, _, _, converted in labelled}
        scores: dict[str, dict[str, int]] = {}
        for lead_id, scorecard_id, total_score, _ in labelled:
            scores.setdefault(scorecard_id, {})[lead_id] = int(total_score)
        columns = {
            attribute: (column, label or attribute)
            for attribute, column, label in connection.execute(
                "select attribute_name, staging_column, source_column "
                "from main_staging.stg_lead_columns where attribute_name is not null"
            ).fetchall()
        }
        columns |= {name: (name, name) for name in ("email_domain", "region")}
        names = _attribute_names(connection, columns, attribute_names, from_scorecard)
        attributes = []
        for name in names:
            column, label = columns[name]
            rows = connection.execute(
                f"select lead_id, nullif(lower(trim(cast({identifier(column)} as varchar))), '') "
                "from main_intermediate.int_leads_enriched"
            ).fetchall()
            values = {lead_id: value for lead_id, value in rows if lead_id in outcomes}
            attributes.append(Attribute(name, label, values))
        event_counts: dict[str, dict[str, int]] = {}
        for event_type, lead_id, count in connection.execute(
            "select event_type, lead_id, count(distinct event_id) "
            "from main_staging.stg_lead_events "
            "where event_type is not null and cast(occurred_at as date) <= ? "
            "and date_diff('day', cast(occurred_at as date), ?) < ? "
            "group by event_type, lead_id",
            [cutoff, cutoff, window_days],
        ).fetchall():
            if lead_id in outcomes:
                event_counts.setdefault(event_type, {})[lead_id] = int(count)
    return LearningData(outcomes, attributes, dict(sorted(event_counts.items())), scores)


def _attribute_names(
    connection: duckdb.DuckDBPyConnection,
    columns: dict[str, tuple[str, str]],
    attribute_names: Sequence[str] | None,
    from_scorecard: str | None,
) -> list[str]:
    """The rule names of the fit attributes to learn: those named (as the file spells them or
    as rules do), else those of the fit rules of `from_scorecard`."""
    if attribute_names is None:
        if from_scorecard is None:
            return []
        rows = connection.execute(
            "select attribute from main_scorecard.scorecard_rules "
            "where scorecard_id = ? and lower(trim(dimension)) = 'fit' order by rule_id",
            [from_scorecard],
        ).fetchall()
        attribute_names = [row[0] for row in rows if row[0]]
    names: list[str] = []
    by_label = {label: name for name, (_, label) in columns.items()}
    for given in attribute_names:
        name = by_label.get(given, given.strip().lower())
        if name not in columns:
            known = ", ".join(sorted(label for _, label in columns.values()))
            raise SuggestError(f"no lead attribute {given!r} (the leads have: {known})")
        if name not in names:
            names.append(name)
    return names


# ---------------------------------------------------------------------------------------------
# learning


@dataclass
class Band:
    condition: str  # readable
    operator: str  # of the rule: in, gte, lt, is_null, at_least; '' = the base band (no rule)
    value: str
    leads: int
    conversions: int
    woe: float = 0.0
    points: int = 0


@dataclass
class Feature:
    dimension: str  # fit or engagement
    name: str  # attribute (fit) or event type (engagement)
    label: str
    bands: list[Band]
    band_of: dict[str, int]  # lead_id -> index of its band (every population lead)


def _woe(bands: list[Band], conversions: int, non_conversions: int) -> None:
    count = len(bands)
    for band in bands:
        converting = (band.conversions + SMOOTHING) / (conversions + SMOOTHING * count)
        other = (band.leads - band.conversions + SMOOTHING) / (non_conversions + SMOOTHING * count)
        band.woe = math.log(converting / other)


def _optimal_binning(name: str, dtype: str, x: list[object], y: list[int]) -> object:
    # imported here: optbinning takes seconds to import, and only this command needs it
    import numpy as np
    from optbinning import OptimalBinning

    binning = OptimalBinning(
        name=name,
        dtype=dtype,
        solver="cp",
        min_bin_size=MIN_BAND_SHARE,
        cat_cutoff=RARE_VALUE_SHARE if dtype == "categorical" else None,
        monotonic_trend="auto_asc_desc" if dtype == "numerical" else None,
    )
    binning.fit(np.array(x, dtype=float if dtype == "numerical" else object), np.array(y))
    return binning


# the number grammar of macros/parsing/parse_number.sql: '1,000', 'n/a', 'inf' are no numbers
NUMBER = re.compile(r"\s*[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]{1,2})?\s*")
# a text attribute is learned as a number when this share of its filled values are numbers
NUMERIC_SHARE = 0.9


def _as_number(value: str | None) -> float | None:
    return float(value) if value is not None and NUMBER.fullmatch(value) else None


def numeric_feature(
    dimension: str,
    name: str,
    label: str,
    values: dict[str, float | None],
    outcomes: dict[str, bool],
    training: list[str],
    blanks: frozenset[str] = frozenset(),
) -> Feature | None:
    """The bands of a number: (-inf, s1), [s1, s2), ..., [sk, inf), and the leads in `blanks`
    (a value that is not a number, like 'n/a', matches no numeric rule: no band)."""
    event_type = dimension == "engagement"
    x = [values[lead] for lead in training if values[lead] is not None]
    y = [int(outcomes[lead]) for lead in training if values[lead] is not None]
    if len(set(y)) < 2:
        return None
    splits = [float(split) for split in _optimal_binning(name, "numerical", x, y).splits]
    whole = all(value == int(value) for value in x)
    if whole:  # [1.5, ...) is [2, ...) for whole numbers
        splits = sorted({float(math.ceil(split)) for split in splits})
    bounds = [number_text(split) for split in splits]
    band_of: dict[str, int] = {}
    bands = []
    for index in range(len(splits) + 1):
        low = bounds[index - 1] if index > 0 else None
        high = bounds[index] if index < len(splits) else None
        if event_type:
            fewer = f"no {label} event" if high == "1" else f"fewer than {high} {label} events"
            condition = f"{low}+ {label} events" if low else fewer
        elif low is None:
            condition = f"{label} below {high}" if high else f"{label} is a number"
        else:
            condition = f"{label} {low} or more" + (f" and below {high}" if high else "")
        bands.append(Band(condition, "", low or "", 0, 0))
    if blanks & set(training):
        bands.append(Band(f"{label} is blank", "is_null", "", 0, 0))
    for lead, value in values.items():
        if value is not None:
            band_of[lead] = bisect_right(splits, value)
        elif lead in blanks:
            band_of[lead] = len(splits) + 1
    return _counted(Feature(dimension, name, label, bands, band_of), outcomes, training)


def _listed(values: list[str], shown: int = 4) -> str:
    if len(values) <= shown + 1:
        return " or ".join(values)
    return f"{', '.join(values[:shown])} or {len(values) - shown} other values"


def categorical_feature(
    name: str, label: str, values: dict[str, str | None], outcomes: dict[str, bool],
    training: list[str],
) -> Feature | None:  # fmt: skip
    """The bands of a text: groups of values, and blanks. A value that cannot be written in an
    `in` list (it has a `|`), or that the training part does not have, gets no band's points."""
    x = [values[lead] for lead in training if values[lead] is not None]
    y = [int(outcomes[lead]) for lead in training if values[lead] is not None]
    if len(set(y)) < 2:
        return None
    groups = [
        sorted(str(value) for value in group if "|" not in str(value))
        for group in _optimal_binning(name, "categorical", x, y).splits
    ]
    groups = [group for group in groups if group]
    group_of = {value: index for index, group in enumerate(groups) for value in group}
    bands = [Band(f"{label} is {_listed(group)}", "in", "|".join(group), 0, 0) for group in groups]
    blank = len(bands)
    if any(values[lead] is None for lead in training):
        bands.append(Band(f"{label} is blank", "is_null", "", 0, 0))
    band_of = {
        lead: blank if value is None else group_of.get(value, -1) for lead, value in values.items()
    }
    return _counted(Feature("fit", name, label, bands, band_of), outcomes, training)


def _counted(feature: Feature, outcomes: dict[str, bool], training: list[str]) -> Feature | None:
    for lead in training:
        index = feature.band_of.get(lead, -1)
        if 0 <= index < len(feature.bands):
            feature.bands[index].leads += 1
            feature.bands[index].conversions += int(outcomes[lead])
    if sum(1 for band in feature.bands if band.leads > 0) < 2:
        return None
    conversions = sum(outcomes[lead] for lead in training)
    _woe(feature.bands, conversions, len(training) - conversions)
    return feature


def learn(data: LearningData) -> list[Feature]:
    training = sorted(lead for lead in data.outcomes if is_training(lead))
    if not any(data.outcomes[lead] for lead in training):
        raise SuggestError("no lead of the training part converted in the horizon")
    if all(data.outcomes[lead] for lead in training):
        raise SuggestError("every lead of the training part converted in the horizon")
    features: list[Feature] = []
    for attribute in data.attributes:
        values = {lead: attribute.values.get(lead) for lead in data.outcomes}
        filled = [lead for lead in training if values[lead] is not None]
        numbers = {lead: _as_number(value) for lead, value in values.items()}
        numeric = sum(numbers[lead] is not None for lead in filled)
        if filled and numeric >= NUMERIC_SHARE * len(filled):
            blanks = frozenset(lead for lead, value in values.items() if value is None)
            feature = numeric_feature(
                "fit", attribute.name, attribute.label, numbers, data.outcomes, training, blanks
            )
        else:
            feature = categorical_feature(
                attribute.name, attribute.label, values, data.outcomes, training
            )
        if feature is not None:
            features.append(feature)
    for event_type, counts in data.event_counts.items():
        values = {lead: float(counts.get(lead, 0)) for lead in data.outcomes}
        feature = numeric_feature(
            "engagement", event_type, event_type, values, data.outcomes, training
        )
        if feature is not None:
            features.append(feature)
    return features


def scale(features: list[Feature], points_to_double_odds: float | None) -> float:
    """Sets each band's points; returns the points that double the odds."""

    def base(feature: Feature) -> float:
        # fit: the weakest band; engagement: the band without events (the first)
        if feature.dimension == "fit":
            return min(band.woe for band in feature.bands)
        return feature.bands[0].woe

    if points_to_double_odds is None:
        span = sum(max(max(b.woe for b in f.bands) - base(f), 0.0) for f in features)
        factor = 100 / span if span > 0 else 0.0
    else:
        factor = points_to_double_odds / math.log(2)
    for feature in features:
        offset = base(feature)
        for band in feature.bands:
            band.points = round_half_away((band.woe - offset) * factor)
    return factor * math.log(2)


def lead_points(features: list[Feature], lead: str) -> tuple[int, int]:
    """(fit points, engagement points) of a lead under the learned bands."""
    fit = engagement = 0
    for feature in features:
        index = feature.band_of.get(lead, -1)
        points = feature.bands[index].points if 0 <= index < len(feature.bands) else 0
        if feature.dimension == "fit":
            fit += points
        else:
            engagement += points
    return fit, engagement


# ---------------------------------------------------------------------------------------------
# the scorecard


def rules_of(feature: Feature, scorecard_id: str, window_days: int) -> list[dict[str, str]]:
    rules: list[dict[str, str]] = []
    prefix = f"{scorecard_id}_{'fit' if feature.dimension == 'fit' else 'eng'}_{slug(feature.name)}"

    def add(band: Band, operator: str, value: str, points: int) -> None:
        if points == 0:
            return
        share = f"{band.conversions} of {band.leads} training leads converted"
        row = {
            "scorecard_id": scorecard_id,
            "rule_id": f"{prefix}_{len(rules) + 1}",
            "dimension": feature.dimension,
            "operator": operator,
            "value": value,
            "points": str(points),
            "is_active": "true",
            "description": f"{band.condition} (learned: {share})",
        }
        if feature.dimension == "fit":
            row |= {"attribute": feature.name, "rule_group": slug(feature.name)}
        else:
            row |= {"event_type": feature.name, "window_days": str(window_days)}
        rules.append(row)

    bands = feature.bands
    if feature.dimension == "engagement":
        for previous, band in pairwise(bands):
            add(band, "at_least", band.value, band.points - previous.points)
        return rules
    if all(band.operator != "" for band in bands if band.operator != "is_null"):  # text groups
        for band in bands:
            add(band, band.operator, band.value, band.points)
        return rules
    numbered = [band for band in bands if band.operator != "is_null"]
    points = [band.points for band in numbered]
    if points == sorted(points):  # more is better: the highest band reached counts
        add(numbered[0], "lt", numbered[1].value, numbered[0].points)
        for band in numbered[1:]:
            add(band, "gte", band.value, band.points)
    else:  # fewer is better (optbinning's bands are monotonic): the lowest band below counts
        for band, upper in pairwise(numbered):
            add(band, "lt", upper.value, band.points)
        add(numbered[-1], "gte", numbered[-1].value, numbered[-1].points)
    for band in bands:
        if band.operator == "is_null":
            add(band, "is_null", "", band.points)
    return rules


def quantile(values: Sequence[int], share_above: float) -> int:
    """The lowest score of the top `share_above` of `values` (at least 1)."""
    ordered = sorted(values, reverse=True)
    index = max(0, min(len(ordered) - 1, math.ceil(share_above * len(ordered)) - 1))
    return max(1, ordered[index])


def scorecard_row(
    scorecard_id: str,
    template: dict[str, str],
    fit_scores: Sequence[int],
    engagement_scores: Sequence[int],
    total_scores: Sequence[int],
    description: str,
) -> dict[str, str]:
    hot, warm = quantile(total_scores, 0.10), quantile(total_scores, 0.30)
    grades = [quantile(fit_scores, share) for share in (0.25, 0.50, 0.75)]
    levels = [quantile(engagement_scores, share) for share in (0.25, 0.50, 0.75)]
    return {
        **template,
        "scorecard_id": scorecard_id,
        "mql_min_score": str(warm),
        "mql_min_fit": "0",
        "sql_min_score": str(hot),
        "hot_min_score": str(hot),
        "warm_min_score": str(warm),
        "grade_a_min_fit": str(grades[0]),
        "grade_b_min_fit": str(grades[1]),
        "grade_c_min_fit": str(grades[2]),
        "level_1_min_engagement": str(levels[0]),
        "level_2_min_engagement": str(levels[1]),
        "level_3_min_engagement": str(levels[2]),
        "dead_below_fit_points": "",
        "is_active": "true",
        "description": description,
    }


def read_seed(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_seed(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, header, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: row.get(column) or "" for column in header} for row in rows)


@dataclass(frozen=True)
class Learned:
    scorecard: dict[str, str]
    rules: list[dict[str, str]]
    features: list[Feature]
    points_to_double_odds: float


def suggest_scorecard(
    data: LearningData,
    seeds: Path,
    scorecard_id: str,
    from_scorecard: str | None,
    window_days: int,
    points_to_double_odds: float | None,
    description: str,
) -> Learned:
    _, scorecards = read_seed(seeds / "scorecards.csv")
    _, rules = read_seed(seeds / "scorecard_rules.csv")
    template: dict[str, str] = {}
    copied: list[dict[str, str]] = []
    if from_scorecard is not None:
        matches = [row for row in scorecards if row["scorecard_id"] == from_scorecard]
        if not matches:
            raise SuggestError(f"no scorecard {from_scorecard!r} in {seeds / 'scorecards.csv'}")
        template = matches[0]
        copied = [
            {**row, "scorecard_id": scorecard_id, "rule_id": f"{scorecard_id}_{row['rule_id']}"}
            for row in rules
            if row["scorecard_id"] == from_scorecard
            and (row.get("dimension") or "").strip().lower() == "exclusion"
        ]
    features = learn(data)
    if not features:
        raise SuggestError(
            "no attribute or event type separates converting from other leads in the training "
            "part: name other --attributes, or pick a cut-off with more conversions after it"
        )
    pdo = scale(features, points_to_double_odds)
    learned_rules = [
        row for feature in features for row in rules_of(feature, scorecard_id, window_days)
    ]
    training = [lead for lead in data.outcomes if is_training(lead)]
    points = [lead_points(features, lead) for lead in training]
    clamp = lambda value: max(0, min(100, value))  # noqa: E731
    row = scorecard_row(
        scorecard_id,
        template,
        [clamp(fit) for fit, _ in points],
        [clamp(engagement) for _, engagement in points],
        [clamp(fit + engagement) for fit, engagement in points],
        description,
    )
    return Learned(row, learned_rules + copied, features, pdo)


def write_scorecard(seeds: Path, learned: Learned) -> bool:
    """Writes the learned scorecard's rows into the seeds, replacing the rows of a scorecard of
    the same id; True when it replaced some."""
    scorecard_id = learned.scorecard["scorecard_id"]
    replaced = False
    for seed, new_rows in (("scorecards", [learned.scorecard]), ("scorecard_rules", learned.rules)):
        path = seeds / f"{seed}.csv"
        header, rows = read_seed(path)
        kept = [row for row in rows if row["scorecard_id"] != scorecard_id]
        replaced = replaced or len(kept) < len(rows)
        missing = {column for row in new_rows for column, value in row.items() if value} - set(
            header
        )
        header += sorted(missing - {"baseline_scorecard_id"})
        write_seed(path, header, kept + new_rows)
    return replaced


def held_out_auc(data: LearningData, scorecard_ids: Sequence[str]) -> list[tuple[str, str, str]]:
    """(scorecard, training AUC, held-out AUC) of each scorecard, as texts."""
    table = []
    for scorecard_id in scorecard_ids:
        scores = data.scores.get(scorecard_id, {})
        parts = []
        for training in (True, False):
            leads = [lead for lead in scores if is_training(lead) == training]
            value = auc([scores[lead] for lead in leads], [data.outcomes[lead] for lead in leads])
            parts.append("n/a" if value is None else f"{value:.3f}")
        table.append((scorecard_id, parts[0], parts[1]))
    return table


def build_variables(raw_path: Path, cutoff: date, horizon_days: int) -> dict[str, object]:
    """The dbt vars of a build that labels the population of `cutoff`: as of the end of its
    horizon, with a history that just reaches back to the cut-off."""
    return {
        "as_of": (cutoff + timedelta(days=horizon_days)).isoformat(),
        "raw_path": str(raw_path),
        "evaluation_cutoffs": [cutoff.isoformat()],
        "evaluation_horizon_days": horizon_days,
        "history_days": horizon_days + 1,
    }


def summary_lines(learned: Learned, data: LearningData) -> list[str]:
    training = [lead for lead in data.outcomes if is_training(lead)]
    conversions = sum(data.outcomes[lead] for lead in training)
    held_out = [lead for lead in data.outcomes if not is_training(lead)]
    held_conversions = sum(data.outcomes[lead] for lead in held_out)
    lines = [
        f"population: {len(data.outcomes):,} leads; training part {len(training):,} "
        f"({conversions:,} converted), held out {len(held_out):,} ({held_conversions:,} converted)",
        f"points that double the odds: {learned.points_to_double_odds:.1f}",
        "",
        "learned bands (weight of evidence -> points):",
    ]
    for feature in learned.features:
        lines.append(f"  {feature.label} ({feature.dimension})")
        for band in feature.bands:
            lines.append(
                f"    {band.condition:<60} {band.conversions:>6,}/{band.leads:<6,} "
                f"WoE {band.woe:+.3f}  {band.points:+d}"
            )
    return lines
