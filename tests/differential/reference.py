"""An independent, pure-Python reference implementation of the lead scoring contract.

It follows ../shared/spec/SCORING.md (the contract) and the choices the project documents
where the contract is silent (README "Semantics where the contract is silent", models/docs.md),
and nothing else: no SQL, no DuckDB. The differential test (test_differential.py) runs the real
dbt project and this module on the same random inputs and compares the two marts row by row.

Inputs are rows as dicts of strings, exactly as in the CSV files (`''` or a missing key is
null). `score()` returns the rows of `lead_scores` and `lead_score_breakdown` with the same
columns and Python types as the DuckDB marts (points as `Decimal` with 6 places, dates as
`date`, flags as `bool`).

The rules, in one place:

- Text: trimmed of ASCII spaces only (DuckDB's `trim`; a tab is kept), blank is null. Keys
  (lead_id, event_id, scorecard_id, rule_id) keep their case; every other text is compared in
  lower case (README: "every other text is compared trimmed and lower-cased"), which includes
  `rule_group`. `email_domain` is the lower-cased, trimmed part between the first and the second
  `@` (null when empty); `region` is the region of the country_regions row whose code, name or
  alias equals `country` (compared trimmed and lower-cased). Both are always derived: an input
  column of that name is no attribute.
- Attributes: a column is named by its header trimmed and lower-cased ('Lead Source' -> 'lead
  source'); the contract's columns are found the same way.
- event_filter: SQL LIKE with a backslash escaping %, _ and itself.
- Numbers: optional sign, digits with an optional point (or a leading point), an optional
  exponent of at most two digits; anything else (`1,000`, `n/a`) is not a number. Whole numbers
  (`max_count`, `window_days`): optional sign and 1-9 digits.
- Timestamps: `YYYY-MM-DD`, optionally ` HH:MM`, `:SS` and up to six decimals (`T` may stand
  for the space); an impossible date or time is not a timestamp. (Hour 24 is treated as
  unparseable here; the generators never write it.)
- Leads: usable = lead_id and a timestamp created_at; per lead_id the earliest created_at wins
  (ties: the row hash, an implementation detail the generators avoid); a lead created after the
  as_of day is not scored. Events: usable = event_id, lead_id, event_type and a timestamp
  occurred_at; exact duplicate rows count once; a reused event_id keeps the earliest
  occurred_at (ties avoided as above); events after as_of and events of leads not scored are
  ignored.
- Seeds: `is_active` empty = true; an engagement rule's empty operator = `each`; an empty
  `rule_group` is the rule's own group (it always counts, README / docs `rule_group`).
- Points: each rule's points are quantised to 6 decimals the way DuckDB casts a double to
  decimal(18, 6) (x * 1e6 as a double, rounded half away from zero); `fit_points` and
  `engagement_points` are exact decimal sums of the quantised rule points.
- Scores, tiers, flags and reasons: SCORING.md §4 and the README.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

InputRow = Mapping[str, str | None]
OutputRow = dict[str, Any]

LEAD_SCORES_COLUMNS: tuple[str, ...] = (
    "lead_id",
    "scorecard_id",
    "as_of_date",
    "fit_points",
    "engagement_points",
    "fit_score",
    "engagement_score",
    "total_score",
    "fit_grade",
    "engagement_level",
    "matrix_cell",
    "segment",
    "tier",
    "is_excluded",
    "exclusion_reason",
    "is_mql",
    "is_sql",
    "score_reasons",
)
BREAKDOWN_COLUMNS: tuple[str, ...] = (
    "lead_id",
    "scorecard_id",
    "as_of_date",
    "rule_id",
    "dimension",
    "rule_group",
    "description",
    "rule_points",
    "occurrences",
    "last_event_date",
    "points",
)

# the leads columns of the contract; any other column is an extra attribute
KNOWN_LEAD_COLUMNS: tuple[str, ...] = (
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
DERIVED_ATTRIBUTES: tuple[str, ...] = ("email_domain", "region")
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "lead_id",
    "event_type",
    "occurred_at",
    "event_detail",
)

FIT_OPERATORS: frozenset[str] = frozenset(
    {
        "equals",
        "not_equals",
        "in",
        "not_in",
        "contains",
        "not_contains",
        "starts_with",
        "ends_with",
        "gt",
        "gte",
        "lt",
        "lte",
        "between",
        "is_null",
        "is_not_null",
    }
)
ENGAGEMENT_OPERATORS: frozenset[str] = frozenset({"each", "at_least", "none"})
SCORE_REASONS_MAX = 3
SIX_PLACES = Decimal("0.000001")

_NUMBER = re.compile(r"[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]{1,2})?")
_INTEGER = re.compile(r"[+-]?[0-9]{1,9}")
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.]([0-9]{1,6}))?)?)?"
)
_TRUE = frozenset({"true", "t", "yes", "y", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "0"})


class InvalidScorecard(ValueError):
    """The scorecard seeds cannot be evaluated (the real build refuses them too)."""


# ---------------------------------------------------------------------------- reading values


def clean(value: str | None) -> str | None:
    """Trimmed of ASCII spaces (not tabs), null when empty."""
    if value is None:
        return None
    trimmed = value.strip(" ")
    return trimmed or None


def norm(value: str | None) -> str | None:
    """The comparison form of a text: clean, then lower case."""
    cleaned = clean(value)
    return None if cleaned is None else cleaned.lower()


def parse_number(value: str | None) -> float | None:
    cleaned = clean(value)
    if cleaned is None or not _NUMBER.fullmatch(cleaned):
        return None
    return float(cleaned)


def parse_decimal(value: str | None) -> Decimal | None:
    """A number of the same grammar, exactly (for cut-offs compared with scores and points)."""
    cleaned = clean(value)
    if cleaned is None or not _NUMBER.fullmatch(cleaned):
        return None
    return Decimal(cleaned)


def parse_integer(value: str | None) -> int | None:
    cleaned = clean(value)
    if cleaned is None or not _INTEGER.fullmatch(cleaned):
        return None
    return int(cleaned)


def parse_boolean(value: str | None) -> bool | None:
    """true/t/yes/y/1, false/f/no/n/0; empty is true (active); anything else is invalid."""
    text = norm(value)
    if text is None:
        return True
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def parse_timestamp(value: str | None) -> datetime | None:
    cleaned = clean(value)
    if cleaned is None:
        return None
    match = _TIMESTAMP.fullmatch(cleaned)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction = match.groups()
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((fraction or "").ljust(6, "0")),
        )
    except ValueError:
        return None


def split_list(value: str | None) -> list[str]:
    """The elements of an `a|b|c` list in comparison form, blank elements dropped."""
    if value is None:
        return []
    return [element for element in (norm(part) for part in value.split("|")) if element]


def quantize_points(value: float) -> Decimal:
    """A double as DuckDB casts it to decimal(18, 6): value * 1e6 (a double), rounded half away
    from zero to a whole number, divided by 1e6 (0.0000005 -> 0.000001; 2.0000025, stored as
    2.00000249999..., -> 2.000003 because 2.0000025 * 1e6 is exactly 2000002.5 as a double)."""
    scaled = Decimal(value * 1e6).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (scaled * SIX_PLACES).quantize(SIX_PLACES)


def round_half_away(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def clamp(value: int, low: int = 0, high: int = 100) -> int:
    return max(low, min(high, value))


def like(text: str, pattern: str) -> bool:
    """SQL LIKE with a backslash escape: `%` any text, `_` any one character, `\\%`, `\\_`
    and `\\\\` a literal %, _ and backslash."""
    parts: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            parts.append(re.escape(char))
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            parts.append(".*" if char == "%" else "." if char == "_" else re.escape(char))
    return re.fullmatch("".join(parts), text, flags=re.DOTALL) is not None


def row_hash(row: InputRow, columns: Sequence[str]) -> str:
    """The tie-breaker of rows that agree on every key: md5 of the raw texts joined by '|'.
    An implementation detail of the project; the generators of the tests avoid such ties."""
    text = "|".join(row.get(column) or "" for column in columns)
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def column_key(header: str) -> str:
    """How a rule names a column: its header trimmed (ASCII spaces) and lower-cased."""
    return header.strip(" ").lower()


# ---------------------------------------------------------------------------- the seeds


@dataclass(frozen=True)
class Scorecard:
    scorecard_id: str
    mql_min_score: Decimal
    mql_min_fit: Decimal
    sql_min_score: Decimal
    sql_trigger_event_types: frozenset[str]
    sql_trigger_window_days: int | None
    hot_min_score: Decimal
    warm_min_score: Decimal
    grade_a_min_fit: Decimal
    grade_b_min_fit: Decimal
    grade_c_min_fit: Decimal
    level_1_min_engagement: Decimal
    level_2_min_engagement: Decimal
    level_3_min_engagement: Decimal
    dead_below_fit_points: Decimal | None


@dataclass(frozen=True)
class Rule:
    scorecard_id: str
    rule_id: str
    dimension: str
    attribute: str | None
    operator: str
    value: str | None
    event_type: str | None
    event_filter: str | None
    points: float | None
    rule_group: str  # as shown (case kept)
    group_key: tuple[str, str]  # as compared
    max_count: int | None
    window_days: int | None
    half_life_days: float | None
    description: str


def _required(row: InputRow, column: str) -> Decimal:
    value = parse_decimal(row.get(column))
    if value is None:
        raise InvalidScorecard(f"scorecard {row.get('scorecard_id')!r}: {column} is not a number")
    return value


def read_scorecards(rows: Iterable[InputRow]) -> dict[str, Scorecard]:
    """The active scorecards by scorecard_id."""
    scorecards: dict[str, Scorecard] = {}
    for row in rows:
        scorecard_id = clean(row.get("scorecard_id"))
        if scorecard_id is None:
            raise InvalidScorecard("scorecard without scorecard_id")
        active = parse_boolean(row.get("is_active"))
        if active is None:
            raise InvalidScorecard(f"scorecard {scorecard_id}: is_active is not true or false")
        if not active:
            continue
        if scorecard_id in scorecards:
            raise InvalidScorecard(f"scorecard {scorecard_id} appears twice")
        scorecards[scorecard_id] = Scorecard(
            scorecard_id=scorecard_id,
            mql_min_score=_required(row, "mql_min_score"),
            mql_min_fit=parse_decimal(row.get("mql_min_fit")) or Decimal(0),
            sql_min_score=_required(row, "sql_min_score"),
            sql_trigger_event_types=frozenset(split_list(norm(row.get("sql_trigger_event_types")))),
            sql_trigger_window_days=parse_integer(row.get("sql_trigger_window_days")),
            hot_min_score=_required(row, "hot_min_score"),
            warm_min_score=_required(row, "warm_min_score"),
            grade_a_min_fit=_required(row, "grade_a_min_fit"),
            grade_b_min_fit=_required(row, "grade_b_min_fit"),
            grade_c_min_fit=_required(row, "grade_c_min_fit"),
            level_1_min_engagement=_required(row, "level_1_min_engagement"),
            level_2_min_engagement=_required(row, "level_2_min_engagement"),
            level_3_min_engagement=_required(row, "level_3_min_engagement"),
            dead_below_fit_points=parse_decimal(row.get("dead_below_fit_points")),
        )
    if not scorecards:
        raise InvalidScorecard("no scorecard is active")
    return scorecards


def read_rules(rows: Iterable[InputRow], scorecards: Mapping[str, Scorecard]) -> list[Rule]:
    """The rules that score: active rules of active scorecards."""
    rules: list[Rule] = []
    seen: set[str] = set()
    for row in rows:
        rule_id = clean(row.get("rule_id"))
        if rule_id is None or rule_id in seen:
            raise InvalidScorecard(f"rule_id {rule_id!r} is missing or not unique")
        seen.add(rule_id)
        active = parse_boolean(row.get("is_active"))
        scorecard_id = clean(row.get("scorecard_id"))
        if not active or scorecard_id not in scorecards:
            continue
        dimension = norm(row.get("dimension"))
        operator = norm(row.get("operator"))
        if dimension == "engagement" and operator is None:
            operator = "each"
        if dimension not in ("fit", "exclusion", "engagement") or operator is None:
            raise InvalidScorecard(f"rule {rule_id}: dimension or operator missing")
        allowed = ENGAGEMENT_OPERATORS if dimension == "engagement" else FIT_OPERATORS
        if operator not in allowed:
            raise InvalidScorecard(f"rule {rule_id}: operator {operator} for {dimension}")
        group = clean(row.get("rule_group"))
        rules.append(
            Rule(
                scorecard_id=scorecard_id,
                rule_id=rule_id,
                dimension=dimension,
                attribute=norm(row.get("attribute")),
                operator=operator,
                value=row.get("value") or None,
                event_type=norm(row.get("event_type")),
                event_filter=norm(row.get("event_filter")),
                points=parse_number(row.get("points")),
                rule_group=group if group is not None else rule_id,
                group_key=("rule", rule_id) if group is None else ("group", group.lower()),
                max_count=parse_integer(row.get("max_count")),
                window_days=parse_integer(row.get("window_days")),
                half_life_days=parse_number(row.get("half_life_days")),
                description=clean(row.get("description")) or rule_id,
            )
        )
    return rules


# ---------------------------------------------------------------------------- the sources


@dataclass(frozen=True)
class Lead:
    lead_id: str
    created_at: datetime
    attributes: Mapping[str, str | None]  # comparison form, incl. email_domain and region


@dataclass(frozen=True)
class Event:
    event_id: str
    lead_id: str
    event_type: str
    occurred_at: datetime
    event_detail: str | None  # comparison form (lower case)

    @property
    def event_date(self) -> date:
        return self.occurred_at.date()


def read_leads(
    rows: Sequence[InputRow], country_regions: Iterable[InputRow], as_of: date
) -> dict[str, Lead]:
    """The scored leads by lead_id."""
    regions: dict[str, str | None] = {}
    for row in country_regions:
        spellings = [row.get("country_code"), row.get("country_name")]
        spellings += (row.get("aliases") or "").split("|")
        for spelling in spellings:
            if norm(spelling) is not None and clean(row.get("country_code")) is not None:
                regions[norm(spelling) or ""] = clean(row.get("region"))
    extra_columns: list[str] = []
    for row in rows:
        extra_columns.extend(
            column
            for column in row
            if column_key(column) not in KNOWN_LEAD_COLUMNS and column not in extra_columns
        )
    hash_columns = [*KNOWN_LEAD_COLUMNS, *extra_columns]

    candidates: dict[str, list[tuple[datetime, str, InputRow]]] = defaultdict(list)
    for row in rows:
        lead_id = clean(row.get("lead_id"))
        created_at = parse_timestamp(row.get("created_at"))
        if lead_id is not None and created_at is not None:
            candidates[lead_id].append((created_at, row_hash(row, hash_columns), row))

    leads: dict[str, Lead] = {}
    for lead_id, versions in candidates.items():
        created_at, _, row = min(versions, key=lambda version: (version[0], version[1]))
        if created_at.date() > as_of:
            continue
        attributes: dict[str, str | None] = {
            column_key(column): norm(row.get(column))
            for column in row
            if column_key(column) not in ("lead_id", "created_at", *DERIVED_ATTRIBUTES)
        }
        email = clean(row.get("email"))
        parts = email.split("@") if email is not None else []
        attributes["email_domain"] = norm(parts[1]) if len(parts) > 1 else None
        country = norm(row.get("country"))
        attributes["region"] = norm(regions.get(country)) if country is not None else None
        leads[lead_id] = Lead(lead_id=lead_id, created_at=created_at, attributes=attributes)
    return leads


def read_events(rows: Sequence[InputRow], leads: Mapping[str, Lead], as_of: date) -> list[Event]:
    """The events that score: usable, deduplicated, on or before as_of, of a scored lead."""
    versions: dict[str, dict[tuple[str, ...], tuple[datetime, str, Event]]] = defaultdict(dict)
    for row in rows:
        event_id = clean(row.get("event_id"))
        lead_id = clean(row.get("lead_id"))
        event_type = norm(row.get("event_type"))
        occurred_at = parse_timestamp(row.get("occurred_at"))
        if event_id is None or lead_id is None or event_type is None or occurred_at is None:
            continue
        raw = tuple(row.get(column) or "" for column in EVENT_COLUMNS)  # exact copies count once
        event = Event(event_id, lead_id, event_type, occurred_at, norm(row.get("event_detail")))
        versions[event_id][raw] = (occurred_at, row_hash(row, EVENT_COLUMNS), event)
    events: list[Event] = []
    for by_content in versions.values():
        _, _, event = min(by_content.values(), key=lambda version: (version[0], version[1]))
        if event.event_date <= as_of and event.lead_id in leads:
            events.append(event)
    return events


# ---------------------------------------------------------------------------- fit


def fit_matches(rule: Rule, value: str | None) -> bool:
    """Does a fit or exclusion rule hold on an attribute value (comparison form)?"""
    operator = rule.operator
    if operator == "is_null":
        return value is None
    if operator == "is_not_null":
        return value is not None
    if value is None:
        return False
    whole = norm(rule.value)
    elements = split_list(rule.value)
    if operator == "equals":
        return value == whole
    if operator == "not_equals":
        return value != whole
    if operator == "in":
        return value in elements
    if operator == "not_in":
        return value not in elements
    if operator == "contains":
        return any(element in value for element in elements)
    if operator == "not_contains":
        return not any(element in value for element in elements)
    if operator == "starts_with":
        return whole is not None and value.startswith(whole)
    if operator == "ends_with":
        return whole is not None and value.endswith(whole)
    number = parse_number(value)
    if number is None:
        return False
    if operator == "between":
        parts = (rule.value or "").split("|")
        low = parse_number(parts[0])
        high = parse_number(parts[1]) if len(parts) > 1 else None
        return low is not None and high is not None and low <= number <= high
    threshold = parse_number(rule.value)
    if threshold is None:
        return False
    if operator == "gt":
        return number > threshold
    if operator == "gte":
        return number >= threshold
    if operator == "lt":
        return number < threshold
    if operator == "lte":
        return number <= threshold
    raise InvalidScorecard(f"rule {rule.rule_id}: unknown operator {operator}")


# ---------------------------------------------------------------------------- engagement


@dataclass(frozen=True)
class Contribution:
    """One breakdown row before formatting."""

    rule: Rule
    occurrences: int
    last_event_date: date | None
    points: Decimal


def _matching_events(rule: Rule, events: Sequence[Event], as_of: date) -> list[Event]:
    """The lead's events that match an engagement rule, most recent first."""
    matched = [
        event
        for event in events
        if event.event_type == rule.event_type
        and (
            rule.event_filter is None
            or (event.event_detail is not None and like(event.event_detail, rule.event_filter))
        )
        and (rule.window_days is None or (as_of - event.event_date).days < rule.window_days)
    ]
    matched.sort(key=lambda event: event.event_id, reverse=True)
    matched.sort(key=lambda event: event.occurred_at, reverse=True)
    return matched


def engagement_contribution(
    rule: Rule, lead: Lead, events: Sequence[Event], as_of: date
) -> Contribution | None:
    points = rule.points if rule.points is not None else 0.0
    matched = _matching_events(rule, events, as_of)
    if rule.operator == "each":
        counted = matched if rule.max_count is None else matched[: rule.max_count]
        if not counted:
            return None
        total = 0.0
        for event in counted:
            age_days = (as_of - event.event_date).days
            factor = 1.0 if rule.half_life_days is None else 0.5 ** (age_days / rule.half_life_days)
            total += points * factor
        return Contribution(
            rule, len(counted), max(e.event_date for e in counted), quantize_points(total)
        )
    if rule.operator == "at_least":
        needed = parse_number(rule.value)
        if needed is None or not matched or len(matched) < needed:
            return None
        return Contribution(
            rule, len(matched), max(e.event_date for e in matched), quantize_points(points)
        )
    if rule.operator == "none":
        lead_age_days = (as_of - lead.created_at.date()).days
        if matched or (rule.window_days is not None and lead_age_days < rule.window_days):
            return None
        return Contribution(rule, 0, None, quantize_points(points))
    raise InvalidScorecard(f"rule {rule.rule_id}: unknown engagement operator {rule.operator}")


# ---------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Result:
    lead_scores: list[OutputRow]
    breakdown: list[OutputRow]


def _reason(contribution: Contribution) -> str:
    rounded = round_half_away(contribution.points)
    return f"{contribution.rule.description} {'+' if rounded > 0 else ''}{rounded}"


def _score_reasons(contributions: Sequence[Contribution]) -> str | None:
    candidates = [
        c
        for c in contributions
        if c.rule.dimension in ("fit", "engagement") and round_half_away(c.points) != 0
    ]
    candidates.sort(key=lambda c: (-abs(c.points), c.rule.rule_id))
    reasons = [_reason(c) for c in candidates[:SCORE_REASONS_MAX]]
    return ", ".join(reasons) if reasons else None


def score_lead(
    lead: Lead,
    scorecard: Scorecard,
    rules: Sequence[Rule],
    events: Sequence[Event],
    segments: Mapping[str, str | None],
    as_of: date,
) -> tuple[OutputRow, list[OutputRow]]:
    """The lead_scores row and the breakdown rows of one lead on one scorecard."""
    contributions: list[Contribution] = []

    # fit: matching rules, the best of each group
    best: dict[tuple[str, str], Rule] = {}
    for rule in rules:
        if rule.dimension != "fit" or not fit_matches(rule, lead.attributes.get(rule.attribute)):
            continue
        current = best.get(rule.group_key)
        rank = (-(rule.points or 0.0), rule.rule_id)
        if current is None or rank < (-(current.points or 0.0), current.rule_id):
            best[rule.group_key] = rule
    contributions.extend(
        Contribution(rule, 1, None, quantize_points(rule.points or 0.0)) for rule in best.values()
    )

    # exclusion: every matching rule, 0 points
    exclusions = [
        rule
        for rule in rules
        if rule.dimension == "exclusion" and fit_matches(rule, lead.attributes.get(rule.attribute))
    ]
    contributions.extend(Contribution(rule, 1, None, Decimal("0.000000")) for rule in exclusions)

    # engagement
    for rule in rules:
        if rule.dimension == "engagement":
            contribution = engagement_contribution(rule, lead, events, as_of)
            if contribution is not None:
                contributions.append(contribution)

    fit_points = sum(
        (c.points for c in contributions if c.rule.dimension == "fit"), Decimal("0.000000")
    )
    engagement_points = sum(
        (c.points for c in contributions if c.rule.dimension == "engagement"), Decimal("0.000000")
    )
    exclusion_reason = min((rule.rule_id for rule in exclusions), default=None)
    is_excluded = exclusion_reason is not None

    fit_score = clamp(round_half_away(fit_points))
    engagement_score = clamp(round_half_away(engagement_points))
    total_score = 0 if is_excluded else clamp(round_half_away(fit_points + engagement_points))
    is_dead = is_excluded or (
        scorecard.dead_below_fit_points is not None and fit_points < scorecard.dead_below_fit_points
    )
    if fit_score >= scorecard.grade_a_min_fit:
        fit_grade = "A"
    elif fit_score >= scorecard.grade_b_min_fit:
        fit_grade = "B"
    elif fit_score >= scorecard.grade_c_min_fit:
        fit_grade = "C"
    else:
        fit_grade = "D"
    if engagement_score >= scorecard.level_1_min_engagement:
        engagement_level = 1
    elif engagement_score >= scorecard.level_2_min_engagement:
        engagement_level = 2
    elif engagement_score >= scorecard.level_3_min_engagement:
        engagement_level = 3
    else:
        engagement_level = 4
    if is_dead:
        tier = "dead"
    elif total_score >= scorecard.hot_min_score:
        tier = "hot"
    elif total_score >= scorecard.warm_min_score:
        tier = "warm"
    else:
        tier = "cold"
    is_mql = (
        not is_dead
        and total_score >= scorecard.mql_min_score
        and fit_score >= scorecard.mql_min_fit
    )
    window = scorecard.sql_trigger_window_days
    has_trigger = any(
        event.event_type in scorecard.sql_trigger_event_types
        and (window is None or (as_of - event.event_date).days < window)
        for event in events
    )
    is_sql = is_mql and (total_score >= scorecard.sql_min_score or has_trigger)
    matrix_cell = f"{fit_grade}{engagement_level}"
    if is_excluded:
        description = next(r.description for r in rules if r.rule_id == exclusion_reason)
        score_reasons: str | None = f"Excluded: {description}"
    else:
        score_reasons = _score_reasons(contributions)

    score_row: OutputRow = {
        "lead_id": lead.lead_id,
        "scorecard_id": scorecard.scorecard_id,
        "as_of_date": as_of,
        "fit_points": fit_points,
        "engagement_points": engagement_points,
        "fit_score": fit_score,
        "engagement_score": engagement_score,
        "total_score": total_score,
        "fit_grade": fit_grade,
        "engagement_level": engagement_level,
        "matrix_cell": matrix_cell,
        "segment": segments.get(matrix_cell),
        "tier": tier,
        "is_excluded": is_excluded,
        "exclusion_reason": exclusion_reason,
        "is_mql": is_mql,
        "is_sql": is_sql,
        "score_reasons": score_reasons,
    }
    breakdown_rows: list[OutputRow] = [
        {
            "lead_id": lead.lead_id,
            "scorecard_id": scorecard.scorecard_id,
            "as_of_date": as_of,
            "rule_id": c.rule.rule_id,
            "dimension": c.rule.dimension,
            "rule_group": c.rule.rule_group,
            "description": c.rule.description,
            "rule_points": None if c.rule.points is None else quantize_points(c.rule.points),
            "occurrences": c.occurrences,
            "last_event_date": c.last_event_date,
            "points": c.points,
        }
        for c in contributions
    ]
    return score_row, breakdown_rows


def score(
    *,
    scorecards: Sequence[InputRow],
    scorecard_rules: Sequence[InputRow],
    country_regions: Sequence[InputRow],
    matrix_segments: Sequence[InputRow],
    leads: Sequence[InputRow],
    events: Sequence[InputRow],
    as_of: date,
) -> Result:
    """The two marts, as of `as_of`, for the given seeds and sources."""
    active_scorecards = read_scorecards(scorecards)
    rules = read_rules(scorecard_rules, active_scorecards)
    segments = {
        (clean(row.get("matrix_cell")) or "").upper(): norm(row.get("segment"))
        for row in matrix_segments
    }
    scored_leads = read_leads(leads, country_regions, as_of)
    events_by_lead: dict[str, list[Event]] = defaultdict(list)
    for event in read_events(events, scored_leads, as_of):
        events_by_lead[event.lead_id].append(event)

    rules_by_scorecard: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        rules_by_scorecard[rule.scorecard_id].append(rule)

    lead_scores: list[OutputRow] = []
    breakdown: list[OutputRow] = []
    for lead in scored_leads.values():
        for scorecard in active_scorecards.values():
            score_row, breakdown_rows = score_lead(
                lead,
                scorecard,
                rules_by_scorecard[scorecard.scorecard_id],
                events_by_lead[lead.lead_id],
                segments,
                as_of,
            )
            lead_scores.append(score_row)
            breakdown.extend(breakdown_rows)
    return Result(lead_scores=lead_scores, breakdown=breakdown)


# ---------------------------------------------------------------------------- history

# the outputs of lead_score_history (SCORING.md §5): a period holds them unchanged
HISTORY_OUTPUTS: tuple[str, ...] = (
    "fit_score",
    "engagement_score",
    "total_score",
    "fit_grade",
    "engagement_level",
    "matrix_cell",
    "segment",
    "tier",
    "is_excluded",
    "exclusion_reason",
    "is_mql",
    "is_sql",
)


@dataclass(frozen=True)
class History:
    """What the history's defining property gives for every day `d` up to as_of: the
    lead_scores outputs of a build as of d, and the rules of its breakdown, both by
    (lead_id, scorecard_id, d). A lead created after d has no entry for d."""

    outputs: dict[tuple[str, str, date], OutputRow]
    rules: dict[tuple[str, str, date], frozenset[str]]


def history(
    *,
    days: int,
    as_of: date,
    **inputs: Any,
) -> History:
    """The defining property of lead_score_history, computed the slow way: score() as of
    every day of the `days` days up to as_of."""
    outputs: dict[tuple[str, str, date], OutputRow] = {}
    rules: dict[tuple[str, str, date], set[str]] = defaultdict(set)
    for offset in range(days):
        day = date.fromordinal(as_of.toordinal() - offset)
        result = score(as_of=day, **inputs)
        for row in result.lead_scores:
            outputs[(row["lead_id"], row["scorecard_id"], day)] = {
                column: row[column] for column in HISTORY_OUTPUTS
            }
        for row in result.breakdown:
            rules[(row["lead_id"], row["scorecard_id"], day)].add(row["rule_id"])
    return History(outputs, {key: frozenset(ids) for key, ids in rules.items()})


# ---------------------------------------------------------------------------- evaluation

EVALUATION_COLUMNS: tuple[str, ...] = (
    "scorecard_id",
    "is_pooled",
    "cutoff_on",
    "cutoffs",
    "horizon_days",
    "leads",
    "conversions",
    "conversion_rate",
    "auc",
    "gini",
    "ks",
    "mql_leads",
    "mql_conversions",
    "mql_conversion_rate",
    "non_mql_conversion_rate",
    "mql_lift",
    "mql_recall",
    "top_decile_leads",
    "top_decile_conversions",
    "top_decile_lift",
)
BAND_COLUMNS: tuple[str, ...] = (
    "scorecard_id",
    "is_pooled",
    "cutoff_on",
    "band_type",
    "band",
    "band_rank",
    "leads",
    "conversions",
    "conversion_rate",
    "lift",
    "lead_share",
    "conversion_share",
    "cumulative_lead_share",
    "cumulative_conversion_share",
)
RULE_EVALUATION_COLUMNS: tuple[str, ...] = (
    "scorecard_id",
    "is_pooled",
    "cutoff_on",
    "rule_id",
    "dimension",
    "description",
    "rule_points",
    "leads",
    "conversions",
    "conversion_rate",
    "other_leads",
    "other_conversions",
    "other_conversion_rate",
    "lift",
    "weight_of_evidence",
    "information_value",
    "is_wrong_way",
    "direction",
)
BAND_TYPES: tuple[str, ...] = (
    "tier",
    "segment",
    "matrix_cell",
    "fit_grade",
    "engagement_level",
    "score_decile",
)


@dataclass(frozen=True)
class Judged:
    """A lead of a cut-off's population: its outputs as of the cut-off, and its outcome."""

    cutoff: date
    outputs: OutputRow
    rules: frozenset[str]
    decile: int
    converted: bool


def _rate(numerator: int, denominator: int) -> float | None:
    """The fraction as the nearest float (what SQL's one division of two counts gives)."""
    return None if denominator == 0 else float(Fraction(numerator, denominator))


def _populations(
    history: History,
    conversions: Iterable[InputRow],
    cutoffs: Iterable[date],
    horizon: int,
    as_of: date,
    days: int,
) -> dict[tuple[str, date], list[Judged]]:
    """Per scorecard and evaluated cut-off (inside the history, a full horizon before as_of):
    the leads scored that day without a conversion on or before it (SCORING.md §6)."""
    first_day = as_of - timedelta(days=days - 1)
    evaluated = {c for c in cutoffs if first_day <= c <= as_of and c + timedelta(horizon) <= as_of}
    earliest: dict[str, date] = {}
    for row in conversions:
        lead_id, converted_at = clean(row.get("lead_id")), parse_timestamp(row.get("converted_at"))
        if lead_id is not None and converted_at is not None:
            day = converted_at.date()
            earliest[lead_id] = min(day, earliest.get(lead_id, day))
    scored: dict[tuple[str, date], list[tuple[str, OutputRow, bool]]] = defaultdict(list)
    for (lead_id, scorecard_id, day), outputs in history.outputs.items():
        converted_on = earliest.get(lead_id)
        if day in evaluated and (converted_on is None or converted_on > day):
            converted = converted_on is not None and converted_on <= day + timedelta(horizon)
            scored[(scorecard_id, day)].append((lead_id, outputs, converted))
    populations: dict[tuple[str, date], list[Judged]] = {}
    for (scorecard_id, day), leads in scored.items():
        scores = [outputs["total_score"] for _, outputs, _ in leads]
        populations[(scorecard_id, day)] = [
            Judged(
                day,
                outputs,
                history.rules.get((lead_id, scorecard_id, day), frozenset()),
                1 + 10 * sum(s > outputs["total_score"] for s in scores) // len(scores),
                converted,
            )
            for lead_id, outputs, converted in leads
        ]
    return populations


def _figures(population: Sequence[Judged], horizon: int) -> OutputRow:
    """scorecard_evaluation's figures of one population, the slow way (AUC over every pair)."""
    positives = [judged.outputs["total_score"] for judged in population if judged.converted]
    negatives = [judged.outputs["total_score"] for judged in population if not judged.converted]
    pairs = len(positives) * len(negatives)
    wins = sum(
        Fraction(1 if p > n else 0) + Fraction(1, 2) * (p == n)
        for p in positives
        for n in negatives
    )
    gaps = (
        [
            Fraction(sum(p >= t for p in positives), len(positives))
            - Fraction(sum(n >= t for n in negatives), len(negatives))
            for t in {judged.outputs["total_score"] for judged in population}
        ]
        if pairs
        else []
    )
    leads, conversions = len(population), len(positives)
    mql = [judged for judged in population if judged.outputs["is_mql"]]
    mql_conversions = sum(judged.converted for judged in mql)
    top = [judged for judged in population if judged.decile == 1]
    top_conversions = sum(judged.converted for judged in top)
    return {
        "cutoffs": len({judged.cutoff for judged in population}),
        "horizon_days": horizon,
        "leads": leads,
        "conversions": conversions,
        "conversion_rate": _rate(conversions, leads),
        "auc": float(wins / pairs) if pairs else None,
        "gini": float(2 * wins / pairs - 1) if pairs else None,
        "ks": float(max([Fraction(0), *gaps])) if pairs else None,
        "mql_leads": len(mql),
        "mql_conversions": mql_conversions,
        "mql_conversion_rate": _rate(mql_conversions, len(mql)),
        "non_mql_conversion_rate": _rate(conversions - mql_conversions, leads - len(mql)),
        "mql_lift": _rate(mql_conversions * leads, len(mql) * conversions),
        "mql_recall": _rate(mql_conversions, conversions),
        "top_decile_leads": len(top),
        "top_decile_conversions": top_conversions,
        "top_decile_lift": _rate(top_conversions * leads, len(top) * conversions),
    }


def _band(judged: Judged, band_type: str) -> str:
    if band_type == "score_decile":
        return str(judged.decile)
    value = judged.outputs[band_type]
    return "(none)" if value is None else str(value)


def _bands(population: Sequence[Judged]) -> list[OutputRow]:
    """scorecard_evaluation_bands' rows of one population (without their keys' scope)."""
    rows: list[OutputRow] = []
    leads, conversions = len(population), sum(judged.converted for judged in population)
    for band_type in BAND_TYPES:
        members: dict[str, list[Judged]] = defaultdict(list)
        for judged in population:
            members[_band(judged, band_type)].append(judged)
        ranked = sorted(
            members.items(),
            key=lambda item: (
                -Fraction(sum(j.outputs["total_score"] for j in item[1]), len(item[1])),
                item[0],
            ),
        )
        cumulative_leads = cumulative_conversions = 0
        for rank, (band, judged_leads) in enumerate(ranked, start=1):
            band_conversions = sum(judged.converted for judged in judged_leads)
            cumulative_leads += len(judged_leads)
            cumulative_conversions += band_conversions
            rows.append(
                {
                    "band_type": band_type,
                    "band": band,
                    "band_rank": rank,
                    "leads": len(judged_leads),
                    "conversions": band_conversions,
                    "conversion_rate": _rate(band_conversions, len(judged_leads)),
                    "lift": _rate(band_conversions * leads, len(judged_leads) * conversions),
                    "lead_share": _rate(len(judged_leads), leads),
                    "conversion_share": _rate(band_conversions, conversions),
                    "cumulative_lead_share": _rate(cumulative_leads, leads),
                    "cumulative_conversion_share": _rate(cumulative_conversions, conversions),
                }
            )
    return rows


def _log(numerator: int, denominator: int) -> float | None:
    """ln of the ratio of two counts, None when either is 0 (a band's weight of evidence:
    None without converting or without non-converting leads in it)."""
    return math.log(float(Fraction(numerator, denominator))) if numerator and denominator else None


def _direction(rule: Rule, leads: int, conversions: int, lift: float | None) -> tuple[bool, str]:
    """is_wrong_way and direction of scorecard_rule_evaluation."""
    points = rule.points
    if rule.dimension == "exclusion":
        wrong = lift is not None and lift > 1
    else:
        wrong = (
            lift is not None
            and points is not None
            and ((points > 0 and lift < 1) or (points < 0 and lift > 1))
        )
    if leads == 0:
        text = "no evidence: the rule scored no lead"
    elif conversions == 0:
        text = "no evidence: no lead converted"
    elif rule.dimension != "exclusion" and points == 0:
        text = "no points: the rule adds nothing to the score"
    elif wrong and rule.dimension == "exclusion":
        text = "wrong way: it excludes leads that convert more often than the others"
    elif wrong and points is not None and points > 0:
        text = "wrong way: positive points, but its leads convert less often than the others"
    elif wrong:
        text = "wrong way: negative points, but its leads convert more often than the others"
    elif lift == 1:
        text = "no difference: its leads convert as often as the others"
    elif rule.dimension == "exclusion":
        text = "right way: the leads it excludes convert less often than the others"
    elif points is not None and points > 0:
        text = "right way: positive points, its leads convert more often than the others"
    else:
        text = "right way: negative points, its leads convert less often than the others"
    return wrong, text


def _rule_figures(rule: Rule, population: Sequence[Judged]) -> OutputRow:
    """scorecard_rule_evaluation's figures of one rule in one population."""
    leads = len(population)
    conversions = sum(judged.converted for judged in population)
    non_conversions = leads - conversions
    band = [judged for judged in population if rule.rule_id in judged.rules]
    band_leads, band_conversions = len(band), sum(judged.converted for judged in band)
    band_non = band_leads - band_conversions
    other_leads, other_conversions = leads - band_leads, conversions - band_conversions
    other_non = other_leads - other_conversions
    lift = _rate(band_conversions * leads, band_leads * conversions)
    band_woe = _log(band_conversions * non_conversions, band_non * conversions)
    other_woe = _log(other_conversions * non_conversions, other_non * conversions)
    information_value: float | None
    if (
        conversions == 0
        or non_conversions == 0
        or (band_leads and band_woe is None)
        or (other_leads and other_woe is None)
    ):
        information_value = None
    else:
        band_gap = float(Fraction(band_conversions, conversions)) - float(
            Fraction(band_non, non_conversions)
        )
        other_gap = float(Fraction(other_conversions, conversions)) - float(
            Fraction(other_non, non_conversions)
        )
        information_value = (band_gap * band_woe if band_woe is not None else 0.0) + (
            other_gap * other_woe if other_woe is not None else 0.0
        )
    is_wrong_way, direction = _direction(rule, band_leads, conversions, lift)
    return {
        "rule_id": rule.rule_id,
        "dimension": rule.dimension,
        "description": rule.description,
        "rule_points": None if rule.points is None else quantize_points(rule.points),
        "leads": band_leads,
        "conversions": band_conversions,
        "conversion_rate": _rate(band_conversions, band_leads),
        "other_leads": other_leads,
        "other_conversions": other_conversions,
        "other_conversion_rate": _rate(other_conversions, other_leads),
        "lift": lift,
        "weight_of_evidence": band_woe,
        "information_value": information_value,
        "is_wrong_way": is_wrong_way,
        "direction": direction,
    }


@dataclass(frozen=True)
class Evaluation:
    """The rows of the three evaluation marts."""

    evaluation: list[OutputRow]
    bands: list[OutputRow]
    rules: list[OutputRow]


def evaluation(
    *,
    history: History,
    rules: Sequence[Rule],
    conversions: Iterable[InputRow],
    cutoffs: Iterable[date],
    horizon: int,
    as_of: date,
    days: int,
) -> Evaluation:
    """The rows of scorecard_evaluation, scorecard_evaluation_bands and
    scorecard_rule_evaluation (SCORING.md §6) from the history (history()) and the rules that
    score (read_rules): per scorecard and evaluated cut-off, and pooled (cutoff_on None) over
    all of a scorecard's cut-offs."""
    populations = _populations(history, conversions, cutoffs, horizon, as_of, days)
    scopes: dict[tuple[str, date | None], list[Judged]] = dict(populations)
    for (scorecard_id, _), population in sorted(populations.items()):
        scopes.setdefault((scorecard_id, None), []).extend(population)
    result = Evaluation([], [], [])
    for (scorecard_id, cutoff), population in scopes.items():
        key = {"scorecard_id": scorecard_id, "is_pooled": cutoff is None, "cutoff_on": cutoff}
        result.evaluation.append({**key, **_figures(population, horizon)})
        result.bands.extend({**key, **row} for row in _bands(population))
        result.rules.extend(
            {**key, **_rule_figures(rule, population)}
            for rule in rules
            if rule.scorecard_id == scorecard_id
        )
    return result
