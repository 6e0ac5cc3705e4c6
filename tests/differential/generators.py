"""Hypothesis strategies for the differential test: random but VALID scorecards (the build
refuses invalid ones; see int_scorecard_problems_listed.sql), and messy leads and events
around them.

What is random on purpose:
- seeds: 1-3 scorecards (one may be inactive), fit / exclusion / engagement rules over every
  operator, with case and space variants of codes, rule groups (shared, case variants, empty),
  windows, half-lives, max_counts, points incl. negatives and fractions (2.5, 0.1, 0.0000005),
  inactive rules, empty descriptions, SQL triggers;
- leads: nulls, blanks, mixed case and spaces, numbers and non-numbers (`n/a`, `1,000`, `1e3`),
  accented text, extra columns (`lead_source`, and `Lead Origin` and `país`, which rules name
  as the file spells them, in any case), columns named like the derived attributes
  (`Email_Domain`, `REGION`: never read as them), countries as codes, names and aliases,
  duplicate rows of a lead_id, rows without
  lead_id or with an unparseable created_at, leads created after as_of or just inside / outside
  the window of a `none` rule;
- events: types of a small vocabulary with case / space variants, details that hit and miss the
  LIKE filters (and filters with escaped % and _), ages at window and decay edges relative to
  as_of, events after as_of, exact duplicate rows, reused event_ids, events of unknown leads,
  unusable rows.

What is avoided on purpose (implementation details the contract leaves open):
- two different usable rows of one lead_id with the same created_at, or of one event_id with
  the same occurred_at (the winner is then chosen by a content hash);
- hour 24, 'ß', 'İ' and other text whose case mapping differs between engines, backslashes
  (but in the escapes of event filters), double quotes, `|` in source texts, and seed texts
  that dbt's seed loader reads as null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hypothesis import strategies as st
from reference import parse_timestamp

Row = dict[str, str]

AS_OF_DATES: tuple[date, ...] = (date(2026, 3, 15), date(2024, 2, 29), date(2025, 1, 1))

SCORECARD_COLUMNS: tuple[str, ...] = (
    "scorecard_id",
    "mql_min_score",
    "mql_min_fit",
    "sql_min_score",
    "sql_trigger_event_types",
    "sql_trigger_window_days",
    "hot_min_score",
    "warm_min_score",
    "grade_a_min_fit",
    "grade_b_min_fit",
    "grade_c_min_fit",
    "level_1_min_engagement",
    "level_2_min_engagement",
    "level_3_min_engagement",
    "dead_below_fit_points",
    "is_active",
    "description",
    # always empty: the comparison with a baseline reads lead_scores only (its own e2e cases)
    "baseline_scorecard_id",
)
RULE_COLUMNS: tuple[str, ...] = (
    "scorecard_id",
    "rule_id",
    "dimension",
    "attribute",
    "operator",
    "value",
    "event_type",
    "event_filter",
    "points",
    "rule_group",
    "max_count",
    "window_days",
    "half_life_days",
    "is_active",
    "description",
)
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
    "lead_source",
    "Lead Origin",
    "país",
    "Email_Domain",
    "REGION",
)
CONVERSION_COLUMNS: tuple[str, ...] = ("lead_id", "converted_at")
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "lead_id",
    "event_type",
    "occurred_at",
    "event_detail",
)

# ---------------------------------------------------------------------------- vocabularies

ATTRIBUTE_VALUES: dict[str, tuple[str, ...]] = {
    "job_title": (
        "CEO",
        "Chief Executive Officer",
        "Founder & CEO",
        "Marketing Director",
        "Head of Sales",
        "Sales Manager",
        "Gerente de Ventas",
        "Student",
        "PhD candidate",
        "Research Professor",
        "Intern",
        "Directora de Márketing",
        "n/a",
        "NULL",
    ),
    "industry": (
        "Technology",
        "Software",
        "SaaS",
        "Education",
        "E-Learning",
        "Retail",
        "Información y Tecnología",
        "Manufacturing",
    ),
    "company_name": ("Acme", "ACME Corp", "RivalScore", "Leadrival", "Café Olé", "Northwind"),
    "company_size": (
        "5",
        "10",
        "50",
        "51",
        "250",
        "4999",
        "5000",
        "5001",
        "1,000",
        "n/a",
        "1e3",
        "12.5",
        "-3",
        "+40",
        ".5",
        "3.",
        "1E2",
        "1e100",
        "ten",
    ),
    "annual_revenue": ("0", "1000000", "2.5e6", "999999.99", "1,000,000", "unknown", "-1", "7"),
    "country": (
        "US",
        "us",
        "GB",
        "Es",
        "de",
        "CA",
        "BR",
        "JP",
        "XX",
        "Spain",
        "É",
        "United States",
        "usa",
        "U.K.",
        "Deutschland",
        "Atlantis",
    ),
    "email": (
        "ana@rivalscore.io",
        "Bob@Example.COM",
        "joan@Café.cat",
        "x@@y.com",
        "no-at-sign",
        "a@b.com@c.org",
        "@foo.com",
        "c@ ",
        "staff@Northwind.io",
        "lee@leadrival.com",
    ),
    "lead_source": ("Webinar", "webinar", "Paid Search", "Organic", "Referral", "N/A"),
    "Lead Origin": ("Landing Page Submission", "API", "Lead Add Form", "Quick Add Form"),
    "país": ("España", "México", "Perú", "ES"),
}
# input columns named like a derived attribute: kept, but never read as it
SHADOWING_COLUMNS: dict[str, tuple[str, ...]] = {
    "Email_Domain": ("gmail.com", "rivalscore.io", "example.com"),
    "REGION": ("Europe", "Asia Pacific", "Mars"),
}
# derived attributes, with values a rule may name
DERIVED_VALUES: dict[str, tuple[str, ...]] = {
    "email_domain": ("rivalscore.io", "example.com", "café.cat", "northwind.io", "", "y.com"),
    "region": ("Europe", "north america", "Latin America", "Asia Pacific", "europe "),
}
RULE_ATTRIBUTES: tuple[str, ...] = (*ATTRIBUTE_VALUES, *DERIVED_VALUES)
NUMBERS: tuple[str, ...] = (
    "0",
    "10",
    "50",
    "51",
    "5000",
    "1e3",
    "12.5",
    "-1",
    "+100",
    ".5",
    "999999.99",
    "2.5e6",
    " 7 ",
)
TEXT_OPERATORS: tuple[str, ...] = (
    "equals",
    "not_equals",
    "in",
    "not_in",
    "contains",
    "not_contains",
    "starts_with",
    "ends_with",
)
NUMBER_OPERATORS: tuple[str, ...] = ("gt", "gte", "lt", "lte", "between")
NULL_OPERATORS: tuple[str, ...] = ("is_null", "is_not_null")
POINTS: tuple[str, ...] = (
    "10",
    "10",
    "5",
    "-5",
    "15",
    "2.5",
    "-2.5",
    "0",
    "0.1",
    "1e1",
    ".5",
    "7.25",
    "-10",
    "20",
    "0.0000005",
    "3.0000025",
    "33.3333333",
)
ENGAGEMENT_POINTS: tuple[str, ...] = (
    "10",
    "15",
    "20",
    "25",
    "5",
    "-5",
    "-10",
    "2.5",
    "7.25",
    "0.1",
    "1e1",
    "33.3333333",
    "0.0000005",
    "3.0000025",
)
EVENT_TYPES: tuple[str, ...] = (
    "email_open",
    "page_view",
    "demo_request",
    "ebook_download",
    "webinar_attended",
)
EVENT_DETAILS: tuple[str, ...] = (
    "/blog/how-to",
    "/Blog/Intro",
    "/blog",
    "/pricing",
    "/pricing/enterprise",
    "/product/a",
    "/product/ab",
    "/careers",
    "Campaign_2026",
    "campaign-2026",
    "eBook: SEO 101",
    "café/blog/x",
    "50% off",
    "50x off",  # matched by 50% but not by 50\\% off
    "x_blog_y",
    "xablogby",  # matched by x_blog_y but not by x\\_blog\\_y
    "",
    "   ",
)
EVENT_FILTERS: tuple[str, ...] = (
    "%/blog/%",
    "%/pricing%",
    "/pricing",
    "/product/_",
    "campaign_2026",
    "CAMPAIGN%",
    "%2026",
    "%seo%",
    " %/Blog/% ",
    "%",
    "%_%",  # any text of at least one character
    "%café%",
    "50%",
    "50\\% off",  # a literal % (backslash escapes)
    "x\\_blog\\_y",
    "%\\%%",
)
GROUPS: tuple[str, ...] = ("", "", "", "title", "size", "geo", "g1", " g1 ")
WINDOWS: tuple[str, ...] = ("1", "7", "30", "90", " 14 ", "+3")
HALF_LIVES: tuple[str, ...] = ("1", "7", "30", "2.5", "0.5", "90", "3")
ACTIVE: tuple[str, ...] = ("", "true", "TRUE", "yes", "Y", "1", "t", " True ")
INACTIVE: tuple[str, ...] = ("false", "no", "0", "F")
DESCRIPTIONS: tuple[str, ...] = ("", "Café owner", " Title match ", "Descripción, larga", "Size")
TIMES: tuple[str, ...] = (
    "",
    " 00:00:00",
    " 23:59:59",
    " 12:00",
    "T09:30:15.5",
    " 08:00:00.123456",
    "T23:59",
)


def _date_text(day: date, time: str) -> str:
    return f"{day.isoformat()}{time}"


def variants(text: str, tabs: bool = False) -> tuple[str, ...]:
    """The text as written, then with another case and / or surrounding spaces (with `tabs`,
    also a leading tab, which is not trimmed: the value then differs from the text)."""
    cases = (text, text.upper(), text.lower(), text.title())
    pads = ("", " ", "  ")
    written = [text, text]  # the text as it is, more often than each variant
    written.extend(f"{pad}{case}{pad}" for case in cases for pad in pads)
    if tabs:
        written.append(f"\t{text}")
    return tuple(written)


def variant(text: str, tabs: bool = False) -> st.SearchStrategy[str]:
    """One of `variants(text)`, in a single choice."""
    return st.sampled_from(variants(text, tabs))


def variant_of(
    pool: tuple[str, ...], tabs: bool = False, blanks: int = 0
) -> st.SearchStrategy[str]:
    """A variant of any text of the pool (or, `blanks` times in a while, '' or spaces)."""
    choices = [written for text in pool for written in variants(text, tabs)]
    choices.extend(("", " ")[index % 2] for index in range(blanks))
    return st.sampled_from(choices)


# ---------------------------------------------------------------------------- the seeds


@dataclass
class Seeds:
    scorecards: list[Row]
    rules: list[Row]
    windows: set[int] = field(default_factory=set)
    half_lives: set[float] = field(default_factory=set)


def _cutoffs(draw: st.DrawFn, count: int, low: int, high: int) -> list[str]:
    """`count` cut-offs, highest first (the validation wants them ordered), some fractional."""
    values = [
        draw(st.integers(low, high)) + draw(st.sampled_from((0.0, 0.0, 0.0, 0.5)))
        for _ in range(count)
    ]
    return [f"{value:g}" for value in sorted(values, reverse=True)]


@st.composite
def fit_value(draw: st.DrawFn, attribute: str, operator: str) -> str:
    pool = ATTRIBUTE_VALUES.get(attribute) or DERIVED_VALUES[attribute]
    if operator in ("equals", "not_equals"):  # (an empty value is refused by the build)
        return draw(variant(draw(st.sampled_from([text for text in pool if text.strip()]))))
    if operator in ("in", "not_in", "contains", "not_contains"):
        elements = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
        if operator in ("contains", "not_contains"):
            cut = []
            for element in elements:
                start = draw(st.integers(0, max(0, len(element) - 1)))
                end = draw(st.integers(start + 1, len(element))) if element else 0
                cut.append(element[start:end])
            elements = cut
        parts = [draw(variant(element)) for element in elements]
        if draw(st.booleans()):
            parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from(("", " "))))
        value = "|".join(parts)
        return value if value.strip(" ") else "x"
    if operator in ("starts_with", "ends_with"):
        element = draw(st.sampled_from(pool)) or "x"
        size = draw(st.integers(1, len(element)))
        piece = element[:size] if operator == "starts_with" else element[-size:]
        return draw(variant(piece)) if piece.strip(" ") else element
    if operator == "between":
        low, high = sorted(
            draw(st.lists(st.sampled_from(NUMBERS), min_size=2, max_size=2)), key=float
        )
        return draw(st.sampled_from(("{}|{}", "{} | {}", " {}|{} "))).format(
            low.strip(), high.strip()
        )
    if operator in ("gt", "gte", "lt", "lte"):
        return draw(st.sampled_from(NUMBERS))
    return draw(st.sampled_from(("", "", "ignored")))  # is_null / is_not_null


@st.composite
def seeds(draw: st.DrawFn) -> Seeds:
    """1-3 scorecards (at least one active) with their rules."""
    ids = draw(
        st.lists(st.sampled_from(("sc_a", "SC_B", "Sc-c")), min_size=1, max_size=3, unique=True)
    )
    active = [True] + [draw(st.integers(0, 4)) < 4 for _ in ids[1:]]
    result = Seeds(scorecards=[], rules=[])
    rule_number = 0
    rule_ids: list[str] = []

    def next_rule_id() -> str:
        nonlocal rule_number
        rule_number += 1
        prefix = draw(st.sampled_from(("r", "r", "R", "rule_", "Rule-")))
        rule_id = f"{prefix}{rule_number:03d}"
        rule_ids.append(rule_id)
        return rule_id

    for scorecard_id, is_active in zip(ids, active, strict=True):
        hot, warm = _cutoffs(draw, 2, 0, 100)
        grade_a, grade_b, grade_c = _cutoffs(draw, 3, -10, 50)
        level_1, level_2, level_3 = _cutoffs(draw, 3, 0, 80)
        sql_min, mql_min = _cutoffs(draw, 2, 0, 100)
        triggers = draw(st.lists(st.sampled_from(EVENT_TYPES), max_size=2))
        trigger_window = draw(st.sampled_from(("", "1", "7", "14", " 30 ")))
        result.windows.update(int(w) for w in [trigger_window] if w.strip())
        result.scorecards.append(
            {
                "scorecard_id": scorecard_id,
                "mql_min_score": mql_min,
                "mql_min_fit": draw(st.sampled_from(("", "0", "5", "10", "12.5"))),
                "sql_min_score": sql_min,
                "sql_trigger_event_types": "|".join(draw(variant(t)) for t in triggers),
                "sql_trigger_window_days": trigger_window,
                "hot_min_score": hot,
                "warm_min_score": warm,
                "grade_a_min_fit": grade_a,
                "grade_b_min_fit": grade_b,
                "grade_c_min_fit": grade_c,
                "level_1_min_engagement": level_1,
                "level_2_min_engagement": level_2,
                "level_3_min_engagement": level_3,
                "dead_below_fit_points": draw(st.sampled_from(("", "", "-10", "0", "0.5", "5"))),
                "is_active": draw(st.sampled_from(ACTIVE if is_active else INACTIVE)),
                "description": f"differential scorecard {scorecard_id}",
            }
        )
        rules: list[Row] = []

        def rule_scorecard_id(scorecard_id: str = scorecard_id) -> str:
            return draw(st.sampled_from(("", "", " ", "  "))) + scorecard_id

        # fit rules
        for _ in range(draw(st.integers(1, 10))):
            attribute = draw(st.sampled_from(RULE_ATTRIBUTES))
            operator = draw(
                st.sampled_from(TEXT_OPERATORS + TEXT_OPERATORS + NUMBER_OPERATORS + NULL_OPERATORS)
            )
            if operator in NUMBER_OPERATORS and draw(st.integers(0, 2)) > 0:
                attribute = draw(st.sampled_from(("company_size", "annual_revenue")))
            group = draw(st.sampled_from(GROUPS))
            rules.append(
                {
                    "scorecard_id": rule_scorecard_id(),
                    "rule_id": next_rule_id(),
                    "dimension": draw(variant("fit")),
                    "attribute": draw(variant(attribute)),
                    "operator": draw(variant(operator)),
                    "value": draw(fit_value(attribute, operator)),
                    "points": draw(st.sampled_from(POINTS)),
                    "rule_group": group,
                    "is_active": draw(st.sampled_from(ACTIVE + ACTIVE + INACTIVE)),
                    "description": draw(st.sampled_from(DESCRIPTIONS)),
                }
            )
        # exclusion rules
        for _ in range(draw(st.integers(0, 2))):
            attribute = draw(
                st.sampled_from(("email_domain", "company_name", "job_title", "lead_source"))
            )
            operator = draw(st.sampled_from(("equals", "in", "contains", "ends_with")))
            rules.append(
                {
                    "scorecard_id": rule_scorecard_id(),
                    "rule_id": next_rule_id(),
                    "dimension": draw(st.sampled_from(("exclusion", " Exclusion", "EXCLUSION"))),
                    "attribute": attribute,
                    "operator": operator,
                    "value": draw(fit_value(attribute, operator)),
                    "points": draw(st.sampled_from(("", "", "0", "5"))),
                    "rule_group": draw(st.sampled_from(GROUPS)),
                    "is_active": draw(st.sampled_from(ACTIVE + INACTIVE)),
                    "description": draw(st.sampled_from(("", "Competitor", "Staff"))),
                }
            )
        # engagement rules
        for _ in range(draw(st.integers(2, 8))):
            operator = draw(st.sampled_from(("", "each", "each", "at_least", "none")))
            window = draw(st.sampled_from(("", *WINDOWS)))
            half_life = draw(st.sampled_from(("", *HALF_LIVES)))
            max_count = draw(st.sampled_from(("", "1", "2", "3", " 2 ")))
            if window.strip():
                result.windows.add(int(window))
            if half_life:
                result.half_lives.add(float(half_life))
            rules.append(
                {
                    "scorecard_id": rule_scorecard_id(),
                    "rule_id": next_rule_id(),
                    "dimension": draw(st.sampled_from(("engagement", "Engagement ", "ENGAGEMENT"))),
                    "operator": draw(variant(operator)) if operator else "",
                    "value": draw(st.sampled_from(("1", "2", "3", "2.0", " 4 ")))
                    if operator == "at_least"
                    else "",
                    "event_type": draw(variant_of(EVENT_TYPES)),
                    "event_filter": draw(st.sampled_from(("", "", "", "", *EVENT_FILTERS))),
                    "points": draw(st.sampled_from(ENGAGEMENT_POINTS)),
                    "rule_group": draw(st.sampled_from(GROUPS)),
                    "max_count": max_count,
                    "window_days": window,
                    "half_life_days": half_life,
                    "is_active": draw(st.sampled_from(ACTIVE + ACTIVE + INACTIVE)),
                    "description": draw(st.sampled_from(DESCRIPTIONS)),
                }
            )
        # a group may also be named after another rule's id (whose own group it is)
        if rule_ids and draw(st.integers(0, 4)) == 4:
            draw(st.sampled_from(rules))["rule_group"] = draw(st.sampled_from(rule_ids))
        # the validation wants at least one active rule per active scorecard
        if not any(row["is_active"] in ACTIVE for row in rules):
            rules[0]["is_active"] = "true"
        result.rules.extend(rules)
    return result


# ---------------------------------------------------------------------------- leads and events


@dataclass
class Sources:
    leads: list[Row]
    events: list[Row]
    conversions: list[Row] = field(default_factory=list)


def _interesting_ages(seeds_: Seeds) -> tuple[int, ...]:
    """Event / creation ages: recent days, and the edges of the windows and half-lives of the
    seeds (one day inside, on the edge, one day outside)."""
    ages = {*range(8), 45, 200, 400}
    for window in seeds_.windows:
        ages.update({window - 1, window, window + 1})
    for half_life in seeds_.half_lives:
        ages.update({round(half_life), round(2 * half_life)})
    return tuple(sorted(age for age in ages if age >= 0))


UNPARSEABLE_TIMESTAMPS: tuple[str, ...] = (
    "",
    "  ",
    "n/a",
    "yesterday",
    "15/03/2026",
    "2026-02-30 10:00",
    "2026-13-01",
    "2026-03-01 10:61",
)


def timestamp_text(as_of: date, ages: tuple[int, ...]) -> st.SearchStrategy[str]:
    """A timestamp `age` days before as_of (negative: after it) at some time of day."""
    days = st.sampled_from((*ages, -1, -3))
    return st.tuples(days, st.sampled_from(TIMES)).map(
        lambda age_time: _date_text(as_of - timedelta(days=age_time[0]), age_time[1])
    )


@st.composite
def sources(draw: st.DrawFn, seeds_: Seeds, as_of: date) -> Sources:
    """Leads and events, most of them usable, with the odd cases mixed in. The simplest
    choice of each draw is the ordinary case, so that a shrunk example stays readable."""
    ages = _interesting_ages(seeds_)
    timestamps = timestamp_text(as_of, ages)
    attribute_values = {
        column: variant_of(pool, tabs=True, blanks=len(pool) // 3 + 1)
        for column, pool in ATTRIBUTE_VALUES.items()
    }
    lead_count = draw(st.integers(35, 55))
    leads: list[Row] = []
    lead_timestamps: dict[str, set[datetime]] = {}
    lead_ids: list[str] = []
    for number in range(1, lead_count + 1):
        lead_id = draw(st.sampled_from((f"L{number:03d}", f"lead-{number}", f"l{number:03d}")))
        row: Row = {"lead_id": lead_id + draw(st.sampled_from(("", "", "", " ", "  ")))}
        for column, values in attribute_values.items():
            row[column] = draw(values)
        for column, pool in SHADOWING_COLUMNS.items():
            row[column] = draw(st.sampled_from(pool))
        row["created_at"] = draw(timestamps)
        kind = draw(st.integers(0, 19))
        if kind == 19:
            row["lead_id"] = draw(st.sampled_from(("", "   ")))
        elif kind == 18:
            row["created_at"] = draw(st.sampled_from(UNPARSEABLE_TIMESTAMPS))
        elif kind == 17:  # another row of the same lead_id (a re-import); the earliest wins
            copy = dict(row)
            copy["created_at"] = draw(timestamps)
            copy["job_title"] = draw(attribute_values["job_title"])
            _add_lead(leads, lead_timestamps, copy)
        _add_lead(leads, lead_timestamps, row)
        lead_ids.append(lead_id)

    events: list[Row] = []
    event_timestamps: dict[str, set[datetime]] = {}
    event_types = variant_of(EVENT_TYPES)
    details = variant_of(EVENT_DETAILS, tabs=True)
    event_number = 0
    for lead_id in lead_ids:
        for _ in range(draw(st.integers(0, 9).map(lambda n: (n + 4) % 10))):
            event_number += 1
            row = {
                "event_id": f"E{event_number:04d}" + draw(st.sampled_from(("", "", " "))),
                "lead_id": lead_id,
                "event_type": draw(event_types),
                "occurred_at": draw(timestamps),
                "event_detail": draw(details),
            }
            kind = draw(st.integers(0, 39))
            if kind == 39:
                row["event_id"] = ""
            elif kind == 38:
                row["event_type"] = " "
            elif kind == 37:
                row["occurred_at"] = draw(st.sampled_from(UNPARSEABLE_TIMESTAMPS))
            elif kind == 36:
                row["lead_id"] = draw(st.sampled_from(("", "L999", lead_id.swapcase())))
            elif kind == 35:
                row["lead_id"] = f"  {lead_id} "
            _add_event(events, event_timestamps, row)
            if kind == 34:  # an exact copy counts once
                events.append(dict(row))
            elif kind == 33:  # a different row that reuses the event_id: the earliest wins
                copy = dict(row)
                copy["occurred_at"] = draw(timestamps)
                copy["event_type"] = draw(event_types)
                _add_event(events, event_timestamps, copy)
    return Sources(leads=leads, events=events, conversions=conversions(draw, lead_ids, as_of))


# conversion days: the cut-offs of the harness's evaluation are 5, 9 and 20 days before as_of
# (horizons of 5 days): every day from after as_of to before the earliest cut-off
CONVERSION_AGES: tuple[int, ...] = tuple(range(-2, 26))


def conversions(draw: st.DrawFn, lead_ids: list[str], as_of: date) -> list[Row]:
    """Conversions of about a third of the leads, on days around the evaluation's cut-offs
    and horizon ends; some leads convert twice (the earliest counts), some rows are unusable
    (no lead_id, an unknown lead, no date)."""
    rows: list[Row] = []
    converted_at = st.tuples(st.sampled_from(CONVERSION_AGES), st.sampled_from(TIMES)).map(
        lambda age_time: _date_text(as_of - timedelta(days=age_time[0]), age_time[1])
    )
    for lead_id in lead_ids:
        if draw(st.integers(0, 2)) != 0:
            continue
        rows.append({"lead_id": lead_id, "converted_at": draw(converted_at)})
        kind = draw(st.integers(0, 9))
        if kind == 9:
            rows.append({"lead_id": lead_id, "converted_at": draw(converted_at)})
        elif kind == 8:
            rows.append(
                {"lead_id": draw(st.sampled_from(("", "L999"))), "converted_at": draw(converted_at)}
            )
        elif kind == 7:
            rows.append(
                {"lead_id": lead_id, "converted_at": draw(st.sampled_from(UNPARSEABLE_TIMESTAMPS))}
            )
    return rows


def _add_lead(leads: list[Row], seen: dict[str, set[datetime]], row: Row) -> None:
    """Adds the row unless it would tie with another usable row of its lead_id."""
    key = row["lead_id"].strip(" ")
    created_at = parse_timestamp(row["created_at"])
    if key and created_at is not None:
        if created_at in seen.setdefault(key, set()):
            return
        seen[key].add(created_at)
    leads.append(row)


def _add_event(events: list[Row], seen: dict[str, set[datetime]], row: Row) -> None:
    """Adds the row unless it would tie with another usable row of its event_id."""
    key = row["event_id"].strip(" ")
    occurred_at = parse_timestamp(row["occurred_at"])
    if key and occurred_at is not None:
        if occurred_at in seen.setdefault(key, set()):
            return
        seen[key].add(occurred_at)
    events.append(row)


@dataclass
class Example:
    as_of: date
    seeds: Seeds
    sources: Sources

    def __repr__(self) -> str:
        # the rows are in the example's folder (named in the failure message); a repr of them
        # would be tens of kB
        return (
            f"Example(as_of={self.as_of}, {len(self.seeds.scorecards)} scorecard(s), "
            f"{len(self.seeds.rules)} rule(s), {len(self.sources.leads)} lead row(s), "
            f"{len(self.sources.events)} event row(s))"
        )

    def fingerprint(self) -> str:
        """The whole content, to recognise an example generated twice."""
        return repr(
            (
                self.as_of,
                self.seeds.scorecards,
                self.seeds.rules,
                self.sources.leads,
                self.sources.events,
                self.sources.conversions,
            )
        )


@st.composite
def examples(draw: st.DrawFn) -> Example:
    as_of = draw(st.sampled_from(AS_OF_DATES))
    seeds_ = draw(seeds())
    return Example(as_of=as_of, seeds=seeds_, sources=draw(sources(seeds_, as_of)))


# ---------------------------------------------------------------------------- daily runs

DAILY_RUNS = 3
# the run a row arrives in: most rows are in the log from the first build on
ARRIVAL_RUNS: tuple[int, ...] = (0, 0, 0, 1, 2, 3)
# days from one run to the next: usually the next day, sometimes the same day again (an
# hourly run), a day skipped, or the day before (a re-run of an earlier day)
RUN_STEPS: tuple[int, ...] = (1, 1, 1, 0, 2, -1)


@dataclass
class Timeline:
    """An example delivered over DAILY_RUNS + 1 runs: run 0 (the first build) is as of
    example.as_of minus DAILY_RUNS days, each later run `run_steps` days after the one before
    (0: the same as_of again, -1: the day before). A row is in the files from the run it
    arrives in on (appended, like a daily export), whatever its own date: old events arrive
    late, events dated after a run's as_of are in its files (export lag), a row reusing an
    event_id or copying a row may arrive runs after the first one."""

    example: Example
    run_steps: list[int]
    lead_runs: list[int]
    event_runs: list[int]

    def __repr__(self) -> str:
        return (
            f"Timeline({self.example!r}, steps {self.run_steps}, "
            f"arrivals {self.lead_runs} / {self.event_runs})"
        )

    def run(self, number: int) -> Example:
        """The example as run `number` sees it."""

        def arrived(rows: list[Row], runs: list[int]) -> list[Row]:
            # in order of arrival, and in the original order within one run
            ordered = sorted(zip(runs, range(len(rows)), rows, strict=True))
            return [row for run, _, row in ordered if run <= number]

        days = sum(self.run_steps[:number]) - DAILY_RUNS
        return Example(
            as_of=self.example.as_of + timedelta(days=days),
            seeds=self.example.seeds,
            sources=Sources(
                leads=arrived(self.example.sources.leads, self.lead_runs),
                events=arrived(self.example.sources.events, self.event_runs),
                conversions=self.example.sources.conversions,
            ),
        )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    example = draw(examples())

    def draws(strategy: st.SearchStrategy[int], count: int) -> list[int]:
        return draw(st.lists(strategy, min_size=count, max_size=count))

    # a few more rows reusing the event_id of a row, dated days before it, of any lead: once
    # such a row arrives it wins, and the older row stops counting (its lead's capped lists
    # may then need a date they did not keep)
    events = list(example.sources.events)
    seen_timestamps: dict[str, set[datetime]] = {}
    usable: list[tuple[Row, datetime]] = []
    for row in events:
        occurred_at = parse_timestamp(row["occurred_at"])
        if row["event_id"].strip(" ") and occurred_at is not None:
            seen_timestamps.setdefault(row["event_id"].strip(" "), set()).add(occurred_at)
            usable.append((row, occurred_at))
    for _ in range(draw(st.integers(0, 6)) if usable else 0):
        row, occurred_at = draw(st.sampled_from(usable))
        earlier = occurred_at - timedelta(days=draw(st.integers(1, 60)))
        lead_id = draw(st.sampled_from(events))["lead_id"]
        reuse = {**row, "lead_id": lead_id, "occurred_at": f"{earlier:%Y-%m-%d %H:%M:%S}"}
        _add_event(events, seen_timestamps, reuse)

    arrival = st.sampled_from(ARRIVAL_RUNS)
    # a row whose event_id an earlier row has (an exact copy, or a different row reusing the
    # id) arrives in a daily run: the case the daily path must look the id up for
    later = st.integers(1, DAILY_RUNS)
    seen: set[str] = set()
    event_runs = []
    for row in events:
        event_id = row["event_id"].strip(" ")
        event_runs.append(draw(later if event_id and event_id in seen else arrival))
        seen.add(event_id)
    return Timeline(
        example=Example(
            as_of=example.as_of,
            seeds=example.seeds,
            sources=Sources(
                leads=example.sources.leads,
                events=events,
                conversions=example.sources.conversions,
            ),
        ),
        run_steps=draws(st.sampled_from(RUN_STEPS), DAILY_RUNS),
        lead_runs=draws(arrival, len(example.sources.leads)),
        event_runs=event_runs,
    )
