"""Dirty input never breaks the run and is never dropped silently (DuckDB).

SCORING.md §1: "Rows that are unusable (null key, null timestamp, event of an unknown lead, a
second row for a lead_id) never break the run and are never silently dropped: they are left
out of scoring and listed, with a reason, in a data-quality model." The project's choices
(README, "Data quality: nothing is lost" and "Duplicates"): the ledger data_quality_issues
(one row per input row left out, plus one per scored lead whose number a numeric rule cannot
read), data_quality_reconciliation (input = scored + reported + exact duplicates + after
as_of, per source), and one warn-severity test per issue code.

One `dbt build` (no --fail-fast) of a small dirty fixture, with a scorecard of the test's own
whose points make every wrongly counted row visible in lead_scores: page views +5, demo
requests +7, no decay and no window; a CEO +20, a company of 50..5000 employees +10, the
region North America +5. Each
fixture row says why it is there and what becomes of it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import background
import pytest
from scenario import (
    AS_OF,
    EVENT_COLUMNS,
    LEAD_COLUMNS,
    Row,
    assert_row,
    copy_project,
    day,
    dbt_env,
    event,
    lead,
    read_mart,
    rule,
    run_dbt,
    scorecard,
    write_csv,
    write_seeds,
)

CARD = "dq"
SCORECARDS = (scorecard(CARD),)
RULES = (
    rule(CARD, "fit_ceo", "fit", attribute="job_title", operator="contains", value="ceo",
         points="20"),
    # the numeric rule that cannot read 'n/a' or '1,000'
    rule(CARD, "fit_size", "fit", attribute="company_size", operator="between",
         value="50|5000", points="10"),
    # region, derived from the country as a code, a name or an alias
    rule(CARD, "fit_region", "fit", attribute="region", operator="equals", value="north america",
         points="5"),
    rule(CARD, "eng_page_view", "engagement", event_type="page_view", points="5"),
    rule(CARD, "eng_demo", "engagement", event_type="demo_request", points="7"),
)  # fmt: skip

LEADS = (
    # Clean: CEO (+20) of a 200-person company (+10). Scored: fit 30.
    lead("DQ_CLEAN", job_title="CEO", company_size="200"),
    # Blank lead_id (spaces only: blank is null): missing_lead_id, no key to report.
    lead("   ", job_title="CEO", company_size="200"),
    # A second row for DQ_DUP, a CRM re-import created 50 days ago, first in the file: the
    # row with the earliest created_at wins whatever the file order (README, "Duplicates"),
    # so this one is duplicate_lead_id. Its fit would be Director (0) + size 200 (+10) = 10.
    lead("DQ_DUP", created_at=day(50), job_title="Director", company_size="200"),
    # ... the original row, created 200 days ago, is scored: CEO (+20), size 10 (no
    # points) = fit 20.
    lead("DQ_DUP", created_at=day(200), job_title="CEO", company_size="10"),
    # Day/month/year, and 31 February does not exist: unparseable_created_at.
    lead("DQ_BAD_DATE", created_at="31/02/2026", job_title="CEO", company_size="200"),
    # The accepted format but an impossible date: unparseable_created_at too.
    lead("DQ_BAD_ISO", created_at="2026-02-30 10:00:00", job_title="CEO"),
    # Null created_at (lead() would default it, hence the override): missing_created_at.
    {**lead("DQ_NO_DATE", job_title="CEO"), "created_at": ""},
    # Created two days after as_of: not scored yet and not an issue (after_as_of_rows).
    lead("DQ_FUTURE", created_at=day(-2), job_title="CEO", company_size="200"),
    # company_size that the numeric rule cannot read: the lead is scored (CEO +20, the size
    # rule does not match: fit 20) and the value is reported as unreadable_number.
    lead("DQ_SIZE_NA", job_title="CEO", company_size="n/a"),
    # A thousands separator is not a number either ('1,000' is not 1000: no +10).
    lead("DQ_SIZE_COMMA", job_title="CEO", company_size="1,000"),
    # An exact copy of a row (the same once cleaned: spaces around values, the time written
    # with a T), as an export that lists a lead twice: it counts once, like a copied event
    # row (exact_duplicate_rows, not an issue). Scored: CEO (+20), size 200 (+10) = 30.
    lead("DQ_COPY", created_at="2026-01-10 08:00:00", job_title="CEO", company_size="200"),
    lead("DQ_COPY ", created_at="2026-01-10T08:00:00", job_title=" CEO", company_size="200 "),
    # A country that is no code, name or alias of the country_regions seed: scored (CEO +20),
    # no region, and reported as unknown_country (the lead is not left out).
    lead("DQ_ATLANTIS", job_title="CEO", country="Atlantis"),
    # A country name and an alias ('usa'): North America found (+5), nothing to report; CEO
    # (+20).
    lead("DQ_NAMED_COUNTRY", job_title="CEO", country="United States"),
    lead("DQ_ALIAS_COUNTRY", job_title="CEO", country=" usa"),
)

EVENTS = (
    # Scored: a page view of the clean lead (+5) ...
    event("dq-ok", "DQ_CLEAN", "page_view", day(3), "/pricing"),
    # ... and an exact copy of the row: it counts once (exact_duplicate_rows, not an issue).
    event("dq-ok", "DQ_CLEAN", "page_view", day(3), "/pricing"),
    # A reused event_id: two different rows. The later one (a demo request of DQ_DUP, 4 days
    # ago), first in the file, is reused_event_id (the ledger row names DQ_DUP) ...
    event("dq-reused", "DQ_DUP", "demo_request", day(4)),
    # ... the row with the earliest occurred_at (a page view of DQ_CLEAN, 5 days ago) is
    # scored: +5 for DQ_CLEAN, nothing for DQ_DUP.
    event("dq-reused", "DQ_CLEAN", "page_view", day(5), "/blog/a"),
    # Dated the day after as_of: not counted yet, not an issue (after_as_of_rows).
    event("dq-after", "DQ_CLEAN", "demo_request", day(-1)),
    # A lead that no row has: unknown_lead.
    event("dq-unknown-lead", "DQ_NOBODY", "page_view", day(2)),
    # A lead whose only row is unusable (bad created_at): unknown_lead too.
    event("dq-bad-lead", "DQ_BAD_DATE", "page_view", day(2)),
    # A lead created after as_of: its events wait with it (after_as_of_rows).
    event("dq-future-lead", "DQ_FUTURE", "page_view", day(1)),
    # The duplicated lead's event: scored for its winning row (+5).
    event("dq-dup-lead", "DQ_DUP", "page_view", day(6)),
    # Null event_type: missing_event_type.
    event("dq-no-type", "DQ_CLEAN", "", day(2)),
    # Day/month/year occurred_at: unparseable_occurred_at.
    event("dq-bad-time", "DQ_CLEAN", "page_view", "14/03/2026 09:00"),
    # Null occurred_at: missing_occurred_at.
    event("dq-no-time", "DQ_CLEAN", "page_view", ""),
    # Blank event_id: missing_event_id, no key to report.
    event(" ", "DQ_CLEAN", "page_view", day(2)),
    # Blank lead_id: missing_lead_id.
    event("dq-no-lead", "", "page_view", day(2)),
)

CONVERSIONS = (
    # Tied to a scored lead: not an issue.
    {"lead_id": "DQ_CLEAN", "converted_at": day(1)},
    # No lead_id: missing_lead_id.
    {"lead_id": "", "converted_at": day(1)},
    # Not a timestamp: unparseable_converted_at.
    {"lead_id": "DQ_DUP", "converted_at": "soon"},
    # A lead that no row has: unknown_lead.
    {"lead_id": "DQ_NOBODY", "converted_at": day(1)},
)


@dataclass(frozen=True)
class Issue:
    """An expected data_quality_issues row (as_of_date is AS_OF for every row)."""

    source_name: str
    source_key: str | None
    lead_id: str | None
    issue_code: str
    issue_description: str
    is_row_left_out: bool = True

    @property
    def label(self) -> str:
        return f"{self.source_name}-{self.issue_code}-{self.source_key or 'null'}"


EXPECTED_ISSUES: tuple[Issue, ...] = (
    Issue("leads", None, None, "missing_lead_id", "lead_id is missing"),
    Issue("leads", "DQ_DUP", "DQ_DUP", "duplicate_lead_id",
          "a second row for lead_id 'DQ_DUP': the row with the earliest created_at is scored"),
    Issue("leads", "DQ_BAD_DATE", "DQ_BAD_DATE", "unparseable_created_at",
          "created_at '31/02/2026' is not a timestamp"),
    Issue("leads", "DQ_BAD_ISO", "DQ_BAD_ISO", "unparseable_created_at",
          "created_at '2026-02-30 10:00:00' is not a timestamp"),
    Issue("leads", "DQ_NO_DATE", "DQ_NO_DATE", "missing_created_at", "created_at is missing"),
    # scored leads: is_row_left_out is false
    Issue("leads", "DQ_SIZE_NA", "DQ_SIZE_NA", "unreadable_number",
          "company_size 'n/a' is not a number: numeric rules on it do not match", False),
    Issue("leads", "DQ_SIZE_COMMA", "DQ_SIZE_COMMA", "unreadable_number",
          "company_size '1,000' is not a number: numeric rules on it do not match", False),
    Issue("leads", "DQ_ATLANTIS", "DQ_ATLANTIS", "unknown_country",
          "country 'Atlantis' is no country code, name or alias of the country_regions seed: "
          "the lead has no region", False),
    Issue("lead_events", None, "DQ_CLEAN", "missing_event_id", "event_id is missing"),
    Issue("lead_events", "dq-no-lead", None, "missing_lead_id", "lead_id is missing"),
    Issue("lead_events", "dq-no-type", "DQ_CLEAN", "missing_event_type",
          "event_type is missing"),
    Issue("lead_events", "dq-no-time", "DQ_CLEAN", "missing_occurred_at",
          "occurred_at is missing"),
    Issue("lead_events", "dq-bad-time", "DQ_CLEAN", "unparseable_occurred_at",
          "occurred_at '14/03/2026 09:00' is not a timestamp"),
    Issue("lead_events", "dq-reused", "DQ_DUP", "reused_event_id",
          "event_id 'dq-reused' is used by another, different row: the row with the earliest "
          "occurred_at is scored"),
    Issue("lead_events", "dq-unknown-lead", "DQ_NOBODY", "unknown_lead",
          "lead_id 'DQ_NOBODY' is not a usable lead"),
    Issue("lead_events", "dq-bad-lead", "DQ_BAD_DATE", "unknown_lead",
          "lead_id 'DQ_BAD_DATE' is not a usable lead"),
    Issue("conversions", None, None, "missing_lead_id", "lead_id is missing"),
    Issue("conversions", "DQ_DUP", "DQ_DUP", "unparseable_converted_at",
          "converted_at is missing or not a timestamp"),
    Issue("conversions", "DQ_NOBODY", "DQ_NOBODY", "unknown_lead",
          "lead_id 'DQ_NOBODY' is not a usable lead"),
)  # fmt: skip

# How every input row is accounted for (the comments of LEADS and EVENTS, counted).
EXPECTED_RECONCILIATION: dict[str, dict[str, int]] = {
    "leads": {
        "input_rows": len(LEADS),  # 15
        # DQ_CLEAN, DQ_DUP (its original row), DQ_SIZE_NA, DQ_SIZE_COMMA, DQ_COPY (once),
        # DQ_ATLANTIS, DQ_NAMED_COUNTRY, DQ_ALIAS_COUNTRY
        "scored_rows": 8,
        "reported_rows": 5,  # blank id, DQ_DUP re-import, 2 bad dates, null date
        "exact_duplicate_rows": 1,  # the copy of DQ_COPY
        "after_as_of_rows": 1,  # DQ_FUTURE
    },
    "lead_events": {
        "input_rows": len(EVENTS),  # 14
        "scored_rows": 3,  # dq-ok, dq-reused (the earliest row), dq-dup-lead
        # dq-reused (the later row), 2 unknown leads, no type, bad time, no time, blank
        # event_id, blank lead_id
        "reported_rows": 8,
        "exact_duplicate_rows": 1,  # the copy of dq-ok
        "after_as_of_rows": 2,  # dq-after, dq-future-lead
    },
}

# The scored leads: (fit_points, engagement_points). Any row that should not count would
# change them: the DQ_DUP re-import (fit 10), the copy of dq-ok (+5), the later dq-reused
# row (+7 for DQ_DUP), dq-after (+7), the page views without type, time or event_id (+5
# each), '1,000' read as 1000 (+10).
EXPECTED_SCORES: dict[str, tuple[int, int]] = {
    "DQ_CLEAN": (30, 10),  # CEO + size 200; dq-ok once + the winning dq-reused row
    "DQ_DUP": (20, 5),  # the original row: CEO, size 10; dq-dup-lead
    "DQ_SIZE_NA": (20, 0),
    "DQ_SIZE_COMMA": (20, 0),
    "DQ_COPY": (30, 0),
    "DQ_ATLANTIS": (20, 0),
    "DQ_NAMED_COUNTRY": (25, 0),
    "DQ_ALIAS_COUNTRY": (25, 0),
}

# The warn tests of models/marts/data_quality/_data_quality__models.yml with the number of
# rows each must report.
EXPECTED_WARNINGS: dict[str, int] = dict(
    Counter(f"dq_{issue.source_name}_{issue.issue_code}" for issue in EXPECTED_ISSUES)
)

WARN_LINE = re.compile(r"\bWARN (\d+) (dq_\w+)")
ISSUE_COLUMNS = tuple(Issue.__dataclass_fields__)


@dataclass(frozen=True)
class DirtyBuild:
    returncode: int
    output: str
    issues: list[Row]
    reconciliation: list[Row]
    scores: list[Row]

    def warnings(self) -> dict[str, int]:
        """The dq_ tests that warned, with their counts, from dbt's progress lines."""
        found: dict[str, int] = {}
        for count, test in WARN_LINE.findall(self.output):
            assert found.get(test, int(count)) == int(count), f"{test} warned twice"
            found[test] = int(count)
        return found


@background.job("dirty_build")
def build_dirty(workdir: Path) -> DirtyBuild:
    project, raw = workdir / "project", workdir / "raw"
    project.mkdir()
    raw.mkdir()
    copy_project(project)
    write_seeds(project, SCORECARDS, RULES)
    write_csv(raw / "leads.csv", LEADS, LEAD_COLUMNS)
    write_csv(raw / "lead_events.csv", EVENTS, EVENT_COLUMNS)
    write_csv(raw / "conversions.csv", CONVERSIONS, ("lead_id", "converted_at"))
    dbt_vars = {"as_of": AS_OF.isoformat(), "raw_path": str(raw)}
    env = dbt_env(project, workdir)
    completed = run_dbt(project, ["build", "--vars", json.dumps(dbt_vars)], env)
    output = completed.stdout + completed.stderr
    if completed.returncode != 0:
        # a dirty row must never break the run: every test of this module fails with the log
        pytest.fail(
            f"dbt build of the dirty fixture failed (exit {completed.returncode}):\n"
            f"{output[-20000:]}",
            pytrace=False,
        )
    return DirtyBuild(
        returncode=completed.returncode,
        output=output,
        issues=read_mart("duckdb", "data_quality_issues", env),
        reconciliation=read_mart("duckdb", "data_quality_reconciliation", env),
        scores=read_mart("duckdb", "lead_scores", env),
    )


@pytest.fixture(scope="module")
def dirty_build() -> DirtyBuild:
    result: DirtyBuild = background.result("dirty_build")
    return result


def issue_of(row: Row) -> Issue:
    return Issue(**{column: row[column] for column in ISSUE_COLUMNS})


def sort_key(issue: Issue) -> tuple[Any, ...]:
    return tuple("" if value is None else str(value) for value in vars(issue).values())


# ---------------------------------------------------------------------------- the tests


def test_dirty_rows_do_not_break_the_build(dirty_build: DirtyBuild) -> None:
    assert dirty_build.returncode == 0
    summary = re.search(r"Done\. PASS=\d+ WARN=(\d+) ERROR=0 ", dirty_build.output)
    assert summary, dirty_build.output[-3000:]
    # the only warnings are the data-quality counts (no other test is bothered by the rows)
    assert int(summary.group(1)) == len(EXPECTED_WARNINGS), dirty_build.output[-3000:]


def test_warn_tests_report_each_issue_count(dirty_build: DirtyBuild) -> None:
    """Every issue code of the fixture warns with its count, and no other dq_ test warns."""
    assert dirty_build.warnings() == EXPECTED_WARNINGS


def test_issues_are_exactly_the_expected_rows(dirty_build: DirtyBuild) -> None:
    actual = sorted((issue_of(row) for row in dirty_build.issues), key=sort_key)
    expected = sorted(EXPECTED_ISSUES, key=sort_key)
    unexpected = [issue for issue in actual if issue not in expected]
    missing = [issue for issue in expected if issue not in actual]
    assert actual == expected, f"unexpected: {unexpected}\nmissing: {missing}"
    assert {row["as_of_date"] for row in dirty_build.issues} == {AS_OF}


@pytest.mark.parametrize("issue", EXPECTED_ISSUES, ids=[i.label for i in EXPECTED_ISSUES])
def test_issue_is_listed(dirty_build: DirtyBuild, issue: Issue) -> None:
    """Each expected row on its own, so that a failure names the issue."""
    same_key = [
        issue_of(row)
        for row in dirty_build.issues
        if (row["source_name"], row["source_key"]) == (issue.source_name, issue.source_key)
    ]
    assert issue in same_key, f"rows with this source and key: {same_key}"
    found = [row for row in dirty_build.issues if issue_of(row) == issue]
    assert [row["as_of_date"] for row in found] == [AS_OF]


@pytest.mark.parametrize("source", EXPECTED_RECONCILIATION)
def test_reconciliation_adds_up(dirty_build: DirtyBuild, source: str) -> None:
    rows = [row for row in dirty_build.reconciliation if row["source_name"] == source]
    assert len(rows) == 1, f"{len(rows)} reconciliation rows for {source}"
    row = rows[0]
    expected = EXPECTED_RECONCILIATION[source]
    assert_row(row, f"data_quality_reconciliation {source}", as_of_date=AS_OF, **expected)
    # the identity of the model's contract, on the expected figures themselves
    assert expected["input_rows"] == sum(
        expected[column]
        for column in ("scored_rows", "reported_rows", "exact_duplicate_rows", "after_as_of_rows")
    )
    # reported_rows is the ledger's rows of that source that are left out of scoring
    left_out = [
        issue for issue in EXPECTED_ISSUES if issue.source_name == source and issue.is_row_left_out
    ]
    assert expected["reported_rows"] == len(left_out)


def test_reconciliation_covers_the_scored_sources_only(dirty_build: DirtyBuild) -> None:
    assert sorted(row["source_name"] for row in dirty_build.reconciliation) == sorted(
        EXPECTED_RECONCILIATION
    )


def test_only_usable_leads_are_scored(dirty_build: DirtyBuild) -> None:
    keys = sorted((row["lead_id"], row["scorecard_id"]) for row in dirty_build.scores)
    assert keys == sorted((lead_id, CARD) for lead_id in EXPECTED_SCORES)


@pytest.mark.parametrize("lead_id", EXPECTED_SCORES)
def test_clean_rows_are_scored(dirty_build: DirtyBuild, lead_id: str) -> None:
    rows = [row for row in dirty_build.scores if row["lead_id"] == lead_id]
    assert len(rows) == 1, f"{len(rows)} lead_scores rows for {lead_id}"
    fit, engagement = EXPECTED_SCORES[lead_id]
    assert_row(
        rows[0],
        lead_id,
        as_of_date=AS_OF,
        fit_points=fit,
        engagement_points=engagement,
        total_score=fit + engagement,
        is_excluded=False,
    )
