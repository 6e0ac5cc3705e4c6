"""A scorecard that cannot be evaluated stops `dbt build` before any mart is rebuilt (DuckDB).

SCORING.md §2: such a scorecard "stops the build before any score is written, with a message
that names the rule_id and what is wrong". In the project, int_scorecard_problems_listed has
one row per problem and int_scorecards_validated (macro raise_scorecard_problems) raises one
error that lists them all:

    The scorecard cannot be evaluated; no score was written. N problem(s):
      - scorecard_rules: rule <rule_id>: <problem>
      - scorecards: scorecard <scorecard_id>: <problem>

How the test proves it, with two dbt builds:

1. a good build of a small fixture (fixture scorecard seeds) into a DuckDB file; its marts are
   the snapshot;
2. a broken build: the seed pair is replaced by the good scorecard and rules plus one broken
   row per problem kind (each under its own rule_id or scorecard_id, so each expected line
   names exactly one problem), the good database file is copied, and `dbt build` runs against
   the copy, as of a later date and with one more lead. Every mart has an as_of_date column,
   so a mart rebuilt by that run could not equal the snapshot: "identical" means "not
   rebuilt".

Each problem kind is a `Case` with the rows that break the seed and the exact line the build
must print, with a comment on why the line is what it is; the assertions are parametrized by
kind, so a failure names the kind.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import background
import duckdb
import pytest
from scenario import (
    AS_OF,
    EVENT_COLUMNS,
    LEAD_COLUMNS,
    MARTS,
    FixturePart,
    TextRow,
    day,
    dbt_env,
    event,
    lead,
    rule,
    run_dbt,
    run_scenario,
    scorecard,
    write_csv,
    write_seeds,
)

# lead_scores and lead_score_breakdown, and the two data-quality marts: every mart reads the
# scorecard through the gate, so none of them may be rebuilt by a broken build.
ALL_MARTS: tuple[str, ...] = (*MARTS, "data_quality_issues", "data_quality_reconciliation")

# The broken build scores as of a later day: a rebuilt mart would carry that as_of_date.
BROKEN_AS_OF = AS_OF + timedelta(days=7)

# The operators of SCORING.md §2, in the order the messages list them.
FIT_OPERATORS = (
    "equals, not_equals, in, not_in, contains, not_contains, starts_with, ends_with, "
    "gt, gte, lt, lte, between, is_null, is_not_null"
)
ENGAGEMENT_OPERATORS = "each, at_least, none"

HEADER = re.compile(
    r"The scorecard cannot be evaluated; no score was written\. (\d+) problem\(s\):"
)
ITEM = re.compile(r"^\s*- (scorecard_rules|scorecards|country_regions): (.*)$")


# ---------------------------------------------------------------------------- fixture

GOOD_CARD = "e2e_valid"

# The good scorecard: one rule of each dimension and engagement operator, an exclusion rule
# with no points (points are ignored for exclusion: not a problem).
GOOD_RULES: tuple[TextRow, ...] = (
    rule(GOOD_CARD, "fit_ceo", "fit", attribute="job_title", operator="contains",
         value="ceo|founder", points="20"),
    rule(GOOD_CARD, "fit_size", "fit", attribute="company_size", operator="between",
         value="50|5000", points="10"),
    rule(GOOD_CARD, "excl_rival", "exclusion", attribute="email_domain", operator="equals",
         value="rival.example"),
    rule(GOOD_CARD, "eng_page_view", "engagement", event_type="page_view", points="5",
         max_count="3", window_days="90", half_life_days="30"),
    rule(GOOD_CARD, "eng_demo", "engagement", operator="at_least", value="1",
         event_type="demo_request", points="20"),
    # every backslash of the filter escapes something (%, _, a backslash): valid
    rule(GOOD_CARD, "eng_escaped", "engagement", event_type="promo",
         event_filter="50\\% off\\_\\\\%", points="1"),
)  # fmt: skip

GOOD_FIXTURE = FixturePart(
    leads=(
        lead("SV_CEO", job_title="CEO", company_size="200", email="ann@acme.example"),
        lead("SV_STUDENT", job_title="Student", company_size="5", email="bo@uni.example"),
        lead("SV_RIVAL", job_title="Founder", email="cy@rival.example"),
    ),
    events=(
        event("sv-e1", "SV_CEO", "page_view", day(1), "/pricing"),
        event("sv-e2", "SV_CEO", "demo_request", day(2)),
        event("sv-e3", "SV_STUDENT", "page_view", day(10), "/blog/a"),
    ),
    # a second scorecard compared with the first, so that the comparison marts have rows
    scorecards=(
        scorecard(GOOD_CARD),
        scorecard(f"{GOOD_CARD}_next", mql_min_score="20", baseline_scorecard_id=GOOD_CARD),
    ),
    rules=(
        *GOOD_RULES,
        rule(
            f"{GOOD_CARD}_next",
            "next_ceo",
            "fit",
            attribute="job_title",
            operator="contains",
            value="ceo",
            points="30",
        ),
    ),
)

# The broken build's raw data: the good leads and events plus one lead (a rebuilt lead_scores
# would have a row for it).
BROKEN_LEADS = (*GOOD_FIXTURE.leads, lead("SV_NEW", job_title="CEO", created_at=day(1)))


def ok_rule(scorecard_id: str) -> TextRow:
    """A valid active rule, so that a scorecard under test has one (and only the problem under
    test is reported, not also 'the scorecard has no active rule')."""
    return rule(scorecard_id, f"{scorecard_id}_ok", "fit", attribute="job_title",
                operator="contains", value="ceo", points="10")  # fmt: skip


def fit_rule(rule_id: str, **fields: str) -> TextRow:
    """A fit rule of the good scorecard, valid unless `fields` break it."""
    values = {"attribute": "job_title", "operator": "contains", "value": "ceo", "points": "5"}
    return rule(GOOD_CARD, rule_id, **{"dimension": "fit", **values, **fields})


def engagement_rule(rule_id: str, **fields: str) -> TextRow:
    """An engagement rule of the good scorecard, valid unless `fields` break it."""
    values = {"operator": "each", "event_type": "page_view", "points": "5"}
    return rule(GOOD_CARD, rule_id, **{"dimension": "engagement", **values, **fields})


def bad_cutoffs(scorecard_id: str, **overrides: str) -> tuple[TextRow, ...]:
    """A scorecard with the shipped cut-offs but `overrides`."""
    return (scorecard(scorecard_id, **overrides),)


@dataclass(frozen=True)
class Case:
    """One problem kind: the seed rows that cause it and the line the build must print."""

    kind: str
    message: str
    rules: tuple[TextRow, ...] = ()
    scorecards: tuple[TextRow, ...] = ()


CASES: tuple[Case, ...] = (
    # --- rules: dimension and operator ---------------------------------------------------
    # 'fitness' is none of the three dimensions of SCORING.md §2; the value is quoted as
    # normalised (trimmed, lower case). Its operator is valid, so nothing else is reported.
    Case(
        "unknown dimension",
        "scorecard_rules: rule bad_dimension: "
        "dimension 'fitness' is not one of fit, engagement, exclusion",
        rules=(fit_rule("bad_dimension", dimension=" Fitness "),),
    ),
    # A blank dimension is null: 'missing', not 'not one of' (null is in no list).
    Case(
        "missing dimension",
        "scorecard_rules: rule no_dimension: dimension is missing",
        rules=(fit_rule("no_dimension", dimension=""),),
    ),
    # The README's own example: a typo in the operator. The message lists every operator of
    # both dimensions, fit ones first.
    Case(
        "unknown operator",
        "scorecard_rules: rule fit_size_mid: operator 'betwen' is not one of "
        f"{FIT_OPERATORS}, {ENGAGEMENT_OPERATORS}",
        rules=(
            fit_rule("fit_size_mid", attribute="company_size", operator="betwen", value="50|200"),
        ),
    ),
    # A fit rule needs an operator (only engagement rules default to `each`).
    Case(
        "missing operator",
        "scorecard_rules: rule no_operator: operator is missing",
        rules=(fit_rule("no_operator", operator=""),),
    ),
    # `each` exists, but only for engagement: the message names the fit operators instead.
    Case(
        "engagement operator on a fit rule",
        "scorecard_rules: rule fit_with_each: operator 'each' is for engagement rules; "
        f"a fit rule takes one of {FIT_OPERATORS}",
        rules=(fit_rule("fit_with_each", operator="each", value=""),),
    ),
    # The same for an exclusion rule, which takes the fit operators too ("an exclusion rule").
    Case(
        "engagement operator on an exclusion rule",
        "scorecard_rules: rule exclusion_with_each: operator 'each' is for engagement rules; "
        f"an exclusion rule takes one of {FIT_OPERATORS}",
        rules=(
            fit_rule(
                "exclusion_with_each",
                dimension="exclusion",
                attribute="email_domain",
                operator="each",
                value="",
            ),
        ),
    ),
    # ... and the other way round: `equals` on an engagement rule.
    Case(
        "fit operator on an engagement rule",
        "scorecard_rules: rule engagement_with_equals: operator 'equals' is for fit and "
        f"exclusion rules; an engagement rule takes one of {ENGAGEMENT_OPERATORS}",
        rules=(engagement_rule("engagement_with_equals", operator="equals", value="x"),),
    ),
    # --- rules: attribute and value --------------------------------------------------------
    # 'seniority' is no column of the raw leads file and not email_domain or region.
    Case(
        "unknown attribute",
        "scorecard_rules: rule bad_attribute: attribute 'seniority' is neither a column of "
        "leads nor a derived attribute (email_domain, region); name a column as the leads "
        "file spells it (case and surrounding spaces do not matter; stg_lead_columns lists "
        "them)",
        rules=(fit_rule("bad_attribute", attribute="seniority", operator="equals", value="vp"),),
    ),
    Case(
        "missing attribute",
        "scorecard_rules: rule no_attribute: attribute is missing",
        rules=(fit_rule("no_attribute", attribute=""),),
    ),
    # gt/gte/lt/lte compare numbers: a word cannot be a threshold. The value is quoted as
    # written (values keep their case).
    Case(
        "numeric operator with a non-numeric value",
        "scorecard_rules: rule gt_not_number: operator gt needs a number as value, got 'Fifty'",
        rules=(fit_rule("gt_not_number", attribute="company_size", operator="gt", value="Fifty"),),
    ),
    # between is `low|high`, inclusive: bounds in the wrong order would never match.
    Case(
        "between with reversed bounds",
        "scorecard_rules: rule between_reversed: operator between needs two ordered numbers "
        "as value (low|high), got '500|50'",
        rules=(
            fit_rule(
                "between_reversed", attribute="company_size", operator="between", value="500|50"
            ),
        ),
    ),
    # ... a single number is no range ...
    Case(
        "between with one number",
        "scorecard_rules: rule between_one_number: operator between needs two ordered "
        "numbers as value (low|high), got '50'",
        rules=(
            fit_rule(
                "between_one_number", attribute="company_size", operator="between", value="50"
            ),
        ),
    ),
    # ... and three numbers are not two.
    Case(
        "between with three numbers",
        "scorecard_rules: rule between_three_numbers: operator between needs two ordered "
        "numbers as value (low|high), got '1|2|3'",
        rules=(
            fit_rule(
                "between_three_numbers", attribute="company_size", operator="between", value="1|2|3"
            ),
        ),
    ),
    # A text operator without a value has nothing to compare with.
    Case(
        "text operator without a value",
        "scorecard_rules: rule contains_no_value: operator contains needs a value",
        rules=(fit_rule("contains_no_value", value=""),),
    ),
    # at_least counts events: 0 would always hold, 2.5 events cannot happen.
    Case(
        "at_least with zero",
        "scorecard_rules: rule at_least_zero: operator at_least needs a positive whole count "
        "as value, got '0'",
        rules=(engagement_rule("at_least_zero", operator="at_least", value="0"),),
    ),
    Case(
        "at_least with a fraction",
        "scorecard_rules: rule at_least_fraction: operator at_least needs a positive whole "
        "count as value, got '2.5'",
        rules=(engagement_rule("at_least_fraction", operator="at_least", value="2.5"),),
    ),
    # --- rules: points ---------------------------------------------------------------------
    # Fit and engagement rules score their points (only exclusion rules may leave them out).
    Case(
        "missing points",
        "scorecard_rules: rule no_points: points is missing",
        rules=(fit_rule("no_points", points=""),),
    ),
    Case(
        "non-numeric points",
        "scorecard_rules: rule points_not_number: points 'ten' is not a number",
        rules=(engagement_rule("points_not_number", points="ten"),),
    ),
    # --- rules: identity -------------------------------------------------------------------
    # Two rows with one rule_id (both valid otherwise): one line for the id, with the count.
    Case(
        "duplicate rule_id",
        "scorecard_rules: rule twice: rule_id appears 2 times; it must be unique",
        rules=(fit_rule("twice"), engagement_rule("twice")),
    ),
    # A rule whose scorecard_id is not in the scorecards seed (a typo of the scorecard id).
    Case(
        "rule of an unknown scorecard",
        "scorecard_rules: rule orphan_rule: scorecard 'e2e_typo' is not in the scorecards seed",
        rules=(
            rule(
                "e2e_typo",
                "orphan_rule",
                "fit",
                attribute="job_title",
                operator="contains",
                value="ceo",
                points="5",
            ),
        ),
    ),
    # --- rules: engagement parameters ------------------------------------------------------
    # 0.5 ^ (age / 0) is undefined.
    Case(
        "zero half_life_days",
        "scorecard_rules: rule half_life_zero: half_life_days '0' is not a positive number",
        rules=(engagement_rule("half_life_zero", half_life_days="0"),),
    ),
    Case(
        "negative half_life_days",
        "scorecard_rules: rule half_life_negative: half_life_days '-7' is not a positive number",
        rules=(engagement_rule("half_life_negative", half_life_days="-7"),),
    ),
    # age_days < -30 never holds: the rule could never score.
    Case(
        "negative window_days",
        "scorecard_rules: rule window_negative: window_days '-30' is not a positive whole number",
        rules=(engagement_rule("window_negative", window_days="-30"),),
    ),
    Case(
        "zero window_days",
        "scorecard_rules: rule window_zero: window_days '0' is not a positive whole number",
        rules=(engagement_rule("window_zero", window_days="0"),),
    ),
    # at most 0 occurrences would count: the rule could never score.
    Case(
        "zero max_count",
        "scorecard_rules: rule max_count_zero: max_count '0' is not a positive whole number",
        rules=(engagement_rule("max_count_zero", max_count="0"),),
    ),
    # An engagement rule counts events of one type: without it, it counts nothing.
    Case(
        "engagement rule without event type",
        "scorecard_rules: rule no_event_type: an engagement rule needs an event_type",
        rules=(engagement_rule("no_event_type", event_type=""),),
    ),
    # A backslash in a filter escapes %, _ or itself (README): '\c' escapes nothing, and
    # engines disagree on what it would mean. (The good rules of the other cases have none.)
    Case(
        "event_filter backslash that escapes nothing",
        "scorecard_rules: rule bad_filter: event_filter '%a\\c%' has a backslash that escapes "
        "nothing: write \\% for a literal %, \\_ for a literal _, \\\\ for a backslash",
        rules=(engagement_rule("bad_filter", event_filter="%a\\c%"),),
    ),
    # A spelling of two countries in the country_regions seed (broken_run adds the alias
    # 'Korea' to North Korea, whose South is 'Korea (South)' with the alias 'Korea'): a lead
    # of 'Korea' would get two regions.
    Case(
        "country spelling of two countries",
        "country_regions: spelling 'korea': names 2 countries; a code, name or alias may name "
        "one country only",
    ),
    # A flag must be readable: 'sometimes' is neither true nor false.
    Case(
        "unreadable rule is_active",
        "scorecard_rules: rule flag_unreadable: is_active 'sometimes' is not true or false",
        rules=(fit_rule("flag_unreadable", is_active="sometimes"),),
    ),
    # --- scorecards: cut-offs out of order (each quoted as written) ------------------------
    Case(
        "hot below warm",
        "scorecards: scorecard hot_below_warm: hot_min_score (20) is below warm_min_score (30)",
        scorecards=bad_cutoffs("hot_below_warm", hot_min_score="20"),
        rules=(ok_rule("hot_below_warm"),),
    ),
    Case(
        "grade A below B",
        "scorecards: scorecard a_below_b: grade_a_min_fit (15) is below grade_b_min_fit (20)",
        scorecards=bad_cutoffs("a_below_b", grade_a_min_fit="15"),
        rules=(ok_rule("a_below_b"),),
    ),
    Case(
        "grade B below C",
        "scorecards: scorecard b_below_c: grade_b_min_fit (5) is below grade_c_min_fit (10)",
        scorecards=bad_cutoffs("b_below_c", grade_b_min_fit="5"),
        rules=(ok_rule("b_below_c"),),
    ),
    Case(
        "level 1 below 2",
        "scorecards: scorecard level_1_below_2: level_1_min_engagement (25) is below "
        "level_2_min_engagement (30)",
        scorecards=bad_cutoffs("level_1_below_2", level_1_min_engagement="25"),
        rules=(ok_rule("level_1_below_2"),),
    ),
    Case(
        "level 2 below 3",
        "scorecards: scorecard level_2_below_3: level_2_min_engagement (5) is below "
        "level_3_min_engagement (10)",
        scorecards=bad_cutoffs("level_2_below_3", level_2_min_engagement="5"),
        rules=(ok_rule("level_2_below_3"),),
    ),
    # An SQL is an MQL with more: an SQL threshold below the MQL one makes no sense.
    Case(
        "SQL below MQL",
        "scorecards: scorecard sql_below_mql: sql_min_score (20) is below mql_min_score (30)",
        scorecards=bad_cutoffs("sql_below_mql", sql_min_score="20"),
        rules=(ok_rule("sql_below_mql"),),
    ),
    # --- scorecards: other ---------------------------------------------------------------
    # A baseline (scorecard_comparison) must be another active scorecard: one that is not in
    # the seed, an inactive one and the scorecard itself are each named.
    Case(
        "unknown baseline",
        "scorecards: scorecard baseline_unknown: baseline_scorecard_id 'nowhere' is not an "
        "active scorecard of the scorecards seed",
        scorecards=bad_cutoffs("baseline_unknown", baseline_scorecard_id="nowhere"),
        rules=(ok_rule("baseline_unknown"),),
    ),
    Case(
        "inactive baseline",
        "scorecards: scorecard baseline_inactive: baseline_scorecard_id 'retired' is not an "
        "active scorecard of the scorecards seed",
        scorecards=(
            *bad_cutoffs("baseline_inactive", baseline_scorecard_id="retired"),
            scorecard("retired", is_active="false"),
        ),
        rules=(ok_rule("baseline_inactive"),),
    ),
    Case(
        "baseline itself",
        "scorecards: scorecard baseline_itself: baseline_scorecard_id names the scorecard itself",
        scorecards=bad_cutoffs("baseline_itself", baseline_scorecard_id="baseline_itself"),
        rules=(ok_rule("baseline_itself"),),
    ),
    # A cut-off that is not a number (the order checks skip it: it has no value to compare).
    Case(
        "non-numeric cut-off",
        "scorecards: scorecard cutoff_not_number: hot_min_score 'high' is not a number",
        scorecards=bad_cutoffs("cutoff_not_number", hot_min_score="high"),
        rules=(ok_rule("cutoff_not_number"),),
    ),
    # An active scorecard with no rule at all would score every lead 0.
    Case(
        "empty scorecard",
        "scorecards: scorecard empty_card: the scorecard has no active rule",
        scorecards=bad_cutoffs("empty_card"),
    ),
    # ... and so would one whose only rule is inactive.
    Case(
        "scorecard with only inactive rules",
        "scorecards: scorecard inactive_rules_only: the scorecard has no active rule",
        scorecards=bad_cutoffs("inactive_rules_only"),
        rules=(
            rule(
                "inactive_rules_only",
                "inactive_rule",
                "fit",
                attribute="job_title",
                operator="contains",
                value="ceo",
                points="5",
                is_active="false",
            ),
        ),
    ),
    Case(
        "duplicate scorecard_id",
        "scorecards: scorecard twice_card: scorecard_id appears 2 times; it must be unique",
        scorecards=(*bad_cutoffs("twice_card"), *bad_cutoffs("twice_card", mql_min_score="40")),
        rules=(ok_rule("twice_card"),),
    ),
)

CASE_IDS = [case.kind.replace(" ", "_") for case in CASES]


def broken_seeds() -> tuple[list[TextRow], list[TextRow]]:
    """The broken seed pair: the good scorecard and rules, then every case's rows."""
    scorecards = [*GOOD_FIXTURE.scorecards, *(row for case in CASES for row in case.scorecards)]
    rules = [*GOOD_FIXTURE.rules, *(row for case in CASES for row in case.rules)]
    return scorecards, rules


# ---------------------------------------------------------------------------- the builds


@dataclass(frozen=True)
class BrokenRun:
    returncode: int
    output: str
    good_marts: dict[str, tuple[list[str], list[tuple[Any, ...]]]]
    marts_after: dict[str, tuple[list[str], list[tuple[Any, ...]]]]

    def problem_lists(self) -> list[list[str]]:
        """Each problem list of the output: the lines after a header (without '  - ')."""
        lines = self.output.splitlines()
        lists = []
        for number, line in enumerate(lines):
            header = HEADER.search(line)
            if header:
                items = lines[number + 1 : number + 1 + int(header.group(1))]
                lists.append([ITEM.sub(r"\1: \2", item).strip() for item in items])
        return lists


def read_marts(database: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every mart of `database`: its column names and types, and its rows in one order."""
    marts = {}
    with duckdb.connect(str(database), read_only=True) as connection:
        for table in ALL_MARTS:
            cursor = connection.execute(f"select * from main.{table} order by all")
            rows = cursor.fetchall()
            columns = [f"{column[0]} {column[1]}" for column in cursor.description]
            marts[table] = (columns, rows)
    return marts


@background.job("broken_run")
def run_broken(workdir: Path) -> BrokenRun:
    """The good build, then the broken build against a copy of its database."""
    good = workdir / "good"
    result = run_scenario("scorecard_validation", good, GOOD_FIXTURE, seeds="replace")
    scored = len(GOOD_FIXTURE.leads) * len(GOOD_FIXTURE.scorecards)
    assert len(result.scores) == scored, "the good build did not score every lead"
    good_database = good / "lead_scoring.duckdb"
    good_marts = read_marts(good_database)

    broken = workdir / "broken"
    broken.mkdir()
    database = broken / "lead_scoring.duckdb"
    shutil.copy2(good_database, database)
    project, raw = good / "project", broken / "raw"
    raw.mkdir()
    write_seeds(project, *broken_seeds())
    regions = project / "seeds" / "country_regions.csv"
    text = regions.read_text(encoding="utf-8")
    north_korea = 'KP,Korea (North),"North Korea|'
    assert north_korea in text
    regions.write_text(text.replace(north_korea, north_korea + "Korea|"), encoding="utf-8")
    write_csv(raw / "leads.csv", BROKEN_LEADS, LEAD_COLUMNS)
    write_csv(raw / "lead_events.csv", GOOD_FIXTURE.events, EVENT_COLUMNS)
    dbt_vars = {"as_of": BROKEN_AS_OF.isoformat(), "raw_path": str(raw)}
    # the copy of the good database is the one dbt_env names: broken / lead_scoring.duckdb
    env = dbt_env(project, broken)
    completed = run_dbt(project, ["build", "--vars", json.dumps(dbt_vars)], env)
    return BrokenRun(
        returncode=completed.returncode,
        output=completed.stdout + completed.stderr,
        good_marts=good_marts,
        marts_after=read_marts(database),
    )


@pytest.fixture(scope="module")
def broken_run() -> BrokenRun:
    result: BrokenRun = background.result("broken_run")
    return result


# ---------------------------------------------------------------------------- the tests


def test_broken_scorecard_fails_the_build(broken_run: BrokenRun) -> None:
    assert broken_run.returncode != 0, (
        f"dbt build succeeded with a broken scorecard:\n{broken_run.output[-5000:]}"
    )
    # the gate model is the one that fails (not a seed load or a parse error)
    assert "Compilation Error in model int_scorecards_validated" in broken_run.output, (
        broken_run.output[-5000:]
    )
    assert broken_run.problem_lists(), (
        f"no problem list in the output:\n{broken_run.output[-5000:]}"
    )


def test_every_problem_in_one_message(broken_run: BrokenRun) -> None:
    """One message lists every problem of every case, and nothing else: the good rules and
    scorecard, and the valid rows that give a case its context, are not reported."""
    expected = sorted(case.message for case in CASES)
    lists = broken_run.problem_lists()
    assert lists, f"no problem list in the output:\n{broken_run.output[-5000:]}"
    for listed in lists:
        assert sorted(listed) == expected, (
            f"unexpected: {sorted(set(listed) - set(expected))}\n"
            f"missing: {sorted(set(expected) - set(listed))}"
        )


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_problem_is_reported(broken_run: BrokenRun, case: Case) -> None:
    lists = broken_run.problem_lists()
    assert lists, f"no problem list in the output:\n{broken_run.output[-5000:]}"
    subject = case.message.split(": ")[1]
    for listed in lists:
        about_subject = [line for line in listed if line.split(": ")[1] == subject]
        assert case.message in listed, (
            f"{case.kind}: expected the line\n  {case.message}\n"
            f"lines about {subject}: {about_subject}"
        )


@pytest.mark.parametrize("table", ALL_MARTS)
def test_marts_of_the_last_good_run_are_unchanged(broken_run: BrokenRun, table: str) -> None:
    columns, rows = broken_run.good_marts[table]
    if table in MARTS:
        assert rows, f"the good build left {table} empty: the comparison would prove nothing"
    columns_after, rows_after = broken_run.marts_after[table]
    assert columns_after == columns, f"{table}: columns changed"
    assert rows_after == rows, (
        f"{table} changed by the broken build: "
        f"{len(set(rows_after) - set(rows))} new rows, {len(set(rows) - set(rows_after))} gone"
    )
