"""Users' own files: written from the contract alone they work, odd headers are named as they
are, hostile headers run nothing, and files that cannot be read fail clearly without writing a
mark (README "Scoring your own leads").

Two parts:

1. `minimal_build` (every engine, a build of the session, conftest.py): seeds and raw files with
   only the columns of their rows. The scorecards seed has exactly the required columns of
   SCORING.md §2 (no mql_min_fit, SQL trigger, dead cut-off, is_active or description), the rules
   seed no event_filter, rule_group, max_count, window_days, half_life_days, is_active or
   description; the leads file only lead_id and created_at of the contract (spelled ' Lead_ID'
   and 'CREATED_AT', as an export might) besides email and country, and extra columns a CRM
   has: 'Lead Source', '1st', 'país', two headers that would be SQL if written unescaped, and
   'Email_Domain' / 'REGION', which must never replace the derived attributes; the events file
   no event_detail. Each lead's expected points are worked out below.
2. DuckDB raw folders that cannot be read (the on-run-start checks, through the production
   command `lead-scoring score`), and the same checks of `lead-scoring load-raw` (PostgreSQL,
   Spark) on the same files, without a database: each must stop with a message naming the
   file, the column or line, and what to do, and no mart may be written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import background
import duckdb
import pytest
from scenario import (
    AS_OF,
    PROJECT_DIR,
    FixturePart,
    ScenarioResult,
    assert_row,
    copy_project,
    day,
    dbt_env,
    run_dbt,
    write_seeds,
)

from lead_scoring.raw_files import RawFileError, check_files

CARD = "minimal"
# headers that are SQL when a quote is not escaped: a double quote (DuckDB, PostgreSQL) and a
# backtick (Spark); each would create a table
HOSTILE_QUOTE = 'x"; create table pwned_q (a int); --'
HOSTILE_BACKTICK = "y`; create table pwned_b (a int); --"

MINIMAL_COLUMNS_FIXTURE = FixturePart(
    scorecards=(
        {
            # the required columns of SCORING.md §2 only, one spelled as an export might
            "Scorecard_ID": CARD,
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
        },
    ),
    rules=tuple(
        {
            "scorecard_id": CARD,
            "rule_id": rule_id,
            "dimension": dimension,
            "attribute": attribute,
            "operator": operator,
            "value": value,
            "event_type": event_type,
            "points": points,
        }
        for rule_id, dimension, attribute, operator, value, event_type, points in (
            # a header with a space, named in another case and with a trailing space
            ("m_source", "fit", "LEAD SOURCE ", "equals", "web", "", "20"),
            ("m_first", "fit", "1st", "equals", "yes", "", "3"),
            ("m_pais", "fit", "PAÍS", "equals", "españa", "", "2"),
            # the hostile headers, named as the file spells them: they are just columns
            ("m_quote", "fit", HOSTILE_QUOTE, "equals", "evil", "", "7"),
            ("m_backtick", "fit", HOSTILE_BACKTICK, "equals", "evil", "", "4"),
            # derived from country ('United States' is a name of the seed), never from REGION
            ("m_region", "fit", "region", "equals", "north america", "", "10"),
            # the file has no job_title column: every lead's job_title is null
            ("m_no_title", "fit", "job_title", "is_null", "", "", "1"),
            ("m_competitor", "exclusion", "email_domain", "equals", "rivalscore.io", "", "0"),
            # an empty operator of an engagement rule is `each`
            ("m_open", "engagement", "", "", "", "email_open", "5"),
        )
    ),
    leads=tuple(
        {
            " Lead_ID": lead_id,
            "CREATED_AT": day(400),
            "email": email,
            "country": country,
            "Lead Source": source,
            "1st": first,
            "país": pais,
            HOSTILE_QUOTE: hostile,
            HOSTILE_BACKTICK: hostile,
            "Email_Domain": "gmail.com",
            "REGION": "North America",
        }
        for lead_id, email, country, source, first, pais, hostile in (
            ("M_SOURCE", "ana@acme.com", "", "Web", "", "", ""),
            ("M_US", "bo@acme.com", "United States", "", "", "", ""),
            ("M_SPY", "spy@rivalscore.io", "", "", "", "", ""),
            ("M_ODD", "cy@acme.com", "", "", "yes", "España", "evil"),
            ("M_NONE", "", "", "", "", "", ""),
        )
    ),
    events=tuple(
        {"Event_ID": event_id, "lead_id": lead_id, "EVENT_TYPE": event_type, "occurred_at": when}
        for event_id, lead_id, event_type, when in (
            ("m-1", "M_SOURCE", "email_open", day(3)),
            ("m-2", "M_SOURCE", "email_open", day(9)),
            ("m-3", "M_ODD", "Email_Open", day(1)),
        )
    ),
)  # fmt: skip

# lead_id: (fit_points, engagement_points, total_score, tier, is_excluded, rule_ids)
EXPECTED: dict[str, tuple[int, int, int, str, bool, set[str]]] = {
    # Lead Source 'Web' (+20), no job title (+1); two email opens, no cap, no decay (+10)
    "M_SOURCE": (21, 10, 31, "warm", False, {"m_source", "m_no_title", "m_open"}),
    # 'United States' is a name of the country_regions seed: North America (+10); no title (+1)
    "M_US": (11, 0, 11, "cold", False, {"m_region", "m_no_title"}),
    # rivalscore.io from the email, not gmail.com from the file's Email_Domain: excluded, dead;
    # the file's REGION gives no region (no country: no +10)
    "M_SPY": (1, 0, 0, "dead", True, {"m_no_title", "m_competitor"}),
    # 1st 'yes' (+3), país 'España' (+2), both hostile columns 'evil' (+7, +4), no title (+1);
    # one open (+5)
    "M_ODD": (17, 5, 22, "cold", False, {"m_first", "m_pais", "m_quote", "m_backtick",
                                         "m_no_title", "m_open"}),
    # no attribute at all but the missing job title
    "M_NONE": (1, 0, 1, "cold", False, {"m_no_title"}),
}  # fmt: skip


@pytest.mark.parametrize("lead_id", EXPECTED)
def test_contract_only_files_score_as_the_contract_says(
    minimal_build: ScenarioResult, lead_id: str
) -> None:
    fit, engagement, total, tier, excluded, rule_ids = EXPECTED[lead_id]
    assert_row(
        minimal_build.score(lead_id, CARD),
        f"{lead_id} on {minimal_build.name}",
        fit_points=fit,
        engagement_points=engagement,
        total_score=total,
        tier=tier,
        is_excluded=excluded,
        # no mql_min_fit column: no fit requirement; no trigger columns: SQL by score only
        is_mql=total >= 30 and not excluded,
        is_sql=False,
    )
    assert set(minimal_build.rules(lead_id, CARD)) == rule_ids


def test_hostile_headers_run_nothing(minimal_build: ScenarioResult) -> None:
    """The two headers are read as columns (M_ODD scores on them, above); no statement of
    theirs ran: the build's database holds no relation they would have created."""
    assert minimal_build.relations, "no relation listed at all"
    assert not [name for name in minimal_build.relations if "pwned" in name]


# ---------------------------------------------------------------------------- unreadable files

LEADS_HEADER = "lead_id,email,job_title,created_at"
EVENTS_HEADER = "event_id,lead_id,event_type,occurred_at,event_detail"


def _leads(*rows: str, header: str = LEADS_HEADER) -> bytes:
    return ("\n".join((header, *rows)) + "\n").encode("utf-8")


GOOD_LEADS = _leads(
    f"F1,ana@acme.com,CEO,{day(10)}",
    f"F2,bo@acme.com,Director,{day(20)}",
    f"F3,cy@acme.com,Manager,{day(30)}",
)
GOOD_EVENTS = f"{EVENTS_HEADER}\ne1,F1,demo_request,{day(1)},/demo\n".encode()


@dataclass(frozen=True)
class BadFolder:
    """A raw folder that must fail: its files (name -> bytes; the good ones by default), the
    folder's own name, and the parts of the message that must be there."""

    label: str
    files: dict[str, bytes]
    message: tuple[str, ...]
    folder: str = "raw"


def _with(**files: bytes) -> dict[str, bytes]:
    return {"leads.csv": GOOD_LEADS, "lead_events.csv": GOOD_EVENTS, **files}


# line 4 of the file has 'José' in Latin-1 (the byte 0xE9 starts no UTF-8 sequence)
LATIN_1_LEADS = _leads(
    f"F1,ana@acme.com,CEO,{day(10)}",
    f"F2,bo@acme.com,Director,{day(20)}",
    f"F3,jose@acme.com,José,{day(30)}",
    f"F4,di@acme.com,Manager,{day(30)}",
).replace("José".encode(), "José".encode("latin-1"))

BAD_FOLDERS: tuple[BadFolder, ...] = (
    BadFolder("empty file", _with(**{"leads.csv": b""}),
              ("leads.csv is empty (0 bytes)", "lead_id, created_at")),
    BadFolder("semicolons", _with(**{"leads.csv": GOOD_LEADS.replace(b",", b";")}),
              ("leads.csv: the header is one column", "delimited by ';'",
               "save it as comma-separated")),
    BadFolder("missing created_at",
              _with(**{"leads.csv": GOOD_LEADS.replace(b"created_at", b"created")}),
              ("leads.csv: no column created_at (required: lead_id, created_at)",
               "its columns are lead_id, email, job_title, created")),
    BadFolder("missing occurred_at",
              _with(**{"lead_events.csv": GOOD_EVENTS.replace(b"occurred_at", b"when")}),
              ("lead_events.csv: no column occurred_at (required: event_id, lead_id, event_type, "
               "occurred_at)",)),
    # the first line has fewer fields than the rows: a sniffer would take a row for the header
    BadFolder("ragged rows", _with(**{"leads.csv": GOOD_LEADS.replace(b"job_title,", b"", 1)}),
              ("leads.csv: 3 line(s) cannot be read",
               "line 2: more fields than the header: a value with a comma in it must be in "
               "double quotes")),
    BadFolder("latin-1", _with(**{"leads.csv": LATIN_1_LEADS}),
              ("leads.csv: 1 line(s) cannot be read", "line 4: not valid utf-8",
               "set the var raw_encoding", "F3,jose@acme.com,Jos")),
    BadFolder("no events file", {"leads.csv": GOOD_LEADS},
              ("found neither lead_events.csv nor lead_events.parquet",
               "the folder holds leads.csv")),
    BadFolder("empty folder", {}, ("does not exist, is not a folder, or is empty",)),
)  # fmt: skip


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return folder


@dataclass(frozen=True)
class Run:
    returncode: int
    output: str


def _score(workdir: Path, database: Path, *arguments: str) -> Run:
    """`lead-scoring score` (the production command) on the project, its files in workdir."""
    env = {
        **dbt_env(PROJECT_DIR, workdir),
        "LEAD_SCORING_DUCKDB_PATH": str(database),
    }
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "lead-scoring"), "score", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    return Run(completed.returncode, completed.stdout + completed.stderr)


def _mart_as_of(database: Path) -> list[object]:
    """The as_of dates in lead_scores, or [] when there is no such table."""
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = connection.execute(
            "select count(*) from information_schema.tables where table_name = 'lead_scores'"
        ).fetchone()
        if not tables or tables[0] == 0:
            return []
        rows = connection.execute("select distinct as_of_date from lead_scores").fetchall()
        return [row[0] for row in rows]


@dataclass(frozen=True)
class UnreadableRuns:
    """The failing runs on fresh databases, and one on the database of a good build."""

    bad: dict[str, tuple[Run, list[object]]]  # label -> (run, as_of dates in lead_scores after)
    good: Run
    after_good: Run
    after_good_as_of: list[object]
    odd_paths: dict[str, tuple[Run, Path]]
    empty_events: tuple[Run, Path]


ODD_PATHS = {
    # a quote in the path, and glob characters: a path is a path
    "quote": "it's here",
    "glob": "g[1]",
}


# the runs that should succeed build what their tests read, without the data tests
SCORING_ONLY = (
    "--", "--select", "+lead_scores", "+data_quality_reconciliation",
    "--exclude-resource-type", "test", "unit_test",
)  # fmt: skip


@background.job("unreadable_runs")
def run_unreadable(workdir: Path) -> UnreadableRuns:
    as_of = ["--as-of", AS_OF.isoformat()]

    def bad(case: BadFolder) -> tuple[Run, list[object]]:
        folder = _write(workdir / case.label.replace(" ", "_") / case.folder, case.files)
        database = folder.parent / "db.duckdb"
        run = _score(folder.parent, database, "--raw-path", str(folder), *as_of)
        return run, (_mart_as_of(database) if database.exists() else [])

    def odd_path(name: str) -> tuple[Run, Path]:
        base = workdir / f"path_{name}"
        folder = _write(base / ODD_PATHS[name], _with())
        # the folder a glob would read instead ('g1' for 'g[1]'): no events, so it would fail
        _write(base / ODD_PATHS[name].replace("[", "").replace("]", "") / "x", {})
        run = _score(base, base / "db.duckdb", "--raw-path", str(folder), *as_of, *SCORING_ONLY)
        return run, base

    # a good build, then an unreadable folder scored on its database as of the next day
    good_dir = workdir / "good"
    good_raw = _write(good_dir / "raw", _with())
    latin_raw = _write(good_dir / "latin", _with(**{"leads.csv": LATIN_1_LEADS}))
    good_db = good_dir / "db.duckdb"

    def empty_events() -> tuple[Run, Path]:
        base = workdir / "empty_events"
        folder = _write(base / "raw", _with(**{"lead_events.csv": f"{EVENTS_HEADER}\n".encode()}))
        run = _score(base, base / "db.duckdb", "--raw-path", str(folder), *as_of, *SCORING_ONLY)
        return run, base

    with ThreadPoolExecutor(max_workers=2) as executor:
        bad_futures = {case.label: executor.submit(bad, case) for case in BAD_FOLDERS}
        odd_futures = {name: executor.submit(odd_path, name) for name in ODD_PATHS}
        empty_future = executor.submit(empty_events)
        good = _score(good_dir, good_db, "--raw-path", str(good_raw), *as_of, *SCORING_ONLY)
        next_day = AS_OF.toordinal() + 1
        after_good = _score(
            good_dir, good_db, "--raw-path", str(latin_raw), "--as-of",
            type(AS_OF).fromordinal(next_day).isoformat(),
        )  # fmt: skip
        return UnreadableRuns(
            bad={label: future.result() for label, future in bad_futures.items()},
            good=good,
            after_good=after_good,
            after_good_as_of=_mart_as_of(good_db),
            odd_paths={name: future.result() for name, future in odd_futures.items()},
            empty_events=empty_future.result(),
        )


@pytest.fixture(scope="module")
def unreadable_runs() -> UnreadableRuns:
    result: UnreadableRuns = background.result("unreadable_runs")
    return result


@pytest.mark.parametrize("case", BAD_FOLDERS, ids=[case.label for case in BAD_FOLDERS])
def test_unreadable_folder_stops_with_a_message(
    unreadable_runs: UnreadableRuns, case: BadFolder
) -> None:
    run, as_of_dates = unreadable_runs.bad[case.label]
    assert run.returncode != 0, run.output[-3000:]
    missing = [part for part in case.message if part not in run.output]
    assert not missing, f"not in the output: {missing}\n{run.output[-3000:]}"
    assert "Traceback" not in run.output
    # the run stopped in on-run-start: no model ran, no mart was written
    assert as_of_dates == []
    assert "START sql" not in run.output


def test_unreadable_folder_leaves_the_last_marts(unreadable_runs: UnreadableRuns) -> None:
    """A build whose inputs cannot be read writes no mart: the marts of the good build (as of
    AS_OF) stay, not rewritten with the new as_of from the old files."""
    assert unreadable_runs.good.returncode == 0, unreadable_runs.good.output[-3000:]
    assert unreadable_runs.after_good.returncode != 0
    assert "line 4: not valid utf-8" in unreadable_runs.after_good.output
    assert unreadable_runs.after_good_as_of == [AS_OF]


@pytest.mark.parametrize("name", ODD_PATHS)
def test_raw_path_is_a_path(unreadable_runs: UnreadableRuns, name: str) -> None:
    """A quote or glob characters in raw_path: the folder itself is read (not 'g1' for
    'g[1]', which has no events and would fail), and scored."""
    run, base = unreadable_runs.odd_paths[name]
    assert run.returncode == 0, run.output[-3000:]
    assert _mart_as_of(base / "db.duckdb") == [AS_OF]


def test_an_empty_events_file_is_counted_as_zero(unreadable_runs: UnreadableRuns) -> None:
    """A header-only lead_events file: the leads are scored, and the reconciliation counts 0
    scored events (not null)."""
    run, base = unreadable_runs.empty_events
    assert run.returncode == 0, run.output[-3000:]
    with duckdb.connect(str(base / "db.duckdb"), read_only=True) as connection:
        row = connection.execute(
            "select input_rows, scored_rows, reported_rows, exact_duplicate_rows, after_as_of_rows"
            " from data_quality_reconciliation where source_name = 'lead_events'"
        ).fetchone()
    assert row == (0, 0, 0, 0, 0)


@pytest.mark.parametrize("case", BAD_FOLDERS, ids=[case.label for case in BAD_FOLDERS])
def test_load_raw_refuses_the_same_files(tmp_path: Path, case: BadFolder) -> None:
    """`lead-scoring load-raw` (PostgreSQL, Spark) checks the files the same way, before it
    connects to anything: the same message."""
    folder = _write(tmp_path / case.folder, case.files)
    with pytest.raises(RawFileError) as raised:
        check_files(folder)
    missing = [part for part in case.message if part not in str(raised.value)]
    assert not missing, f"not in the message: {missing}\n{raised.value}"


def test_load_raw_reads_odd_paths_and_latin_1(tmp_path: Path) -> None:
    for name in ODD_PATHS.values():
        files = check_files(_write(tmp_path / name, _with()))
        assert files["leads"] is not None and files["leads"].columns == tuple(
            LEADS_HEADER.split(",")
        )
    latin = _write(tmp_path / "latin", _with(**{"leads.csv": LATIN_1_LEADS}))
    assert check_files(latin, encoding="latin-1")["leads"] is not None


# ---------------------------------------------------------------------------- seeds, vars, profile

BAD_VARS: tuple[tuple[str, dict[str, str], str], ...] = (
    ("as_of not a day", {"as_of": "2026-02-30"},
     "as_of: '2026-02-30' is not a date of the calendar in the form YYYY-MM-DD"),
    ("raw_schema with a quote", {"raw_schema": 'crm"; drop table x; --'},
     "raw_schema: 'crm\"; drop table x; --' has a quote or control character"),
    ("raw_encoding", {"raw_encoding": "cp1252"},
     "raw_encoding: 'cp1252' is not one of utf-8, utf-16, latin-1"),
    ("evaluation_horizon_days zero", {"evaluation_horizon_days": "0"},
     "evaluation_horizon_days: '0' is not a whole number >= 1"),
    ("evaluation_cutoffs not dates", {"evaluation_cutoffs": "2026-01-01, 2026-02-30"},
     "evaluation_cutoffs: '2026-02-30' is not a date of the calendar"),
    ("crm_source unknown", {"crm_source": "Pipedrive"},
     "Invalid var crm_source: 'Pipedrive' is not one of hubspot, salesforce, marketo"),
)  # fmt: skip


@dataclass(frozen=True)
class ProjectRuns:
    """dbt runs of a copy of the project: a seed without a required column, each bad var,
    and `dbt debug` with no DBT_PROFILES_DIR and an empty home."""

    project: Path
    seed_run: Run
    var_runs: dict[str, Run]
    profile_run: Run


def _dbt(project: Path, arguments: list[str], env: dict[str, str]) -> Run:
    completed = run_dbt(project, arguments, env)
    return Run(completed.returncode, completed.stdout + completed.stderr)


@background.job("project_runs")
def run_project(workdir: Path) -> ProjectRuns:
    project = workdir / "project"
    project.mkdir()
    copy_project(project)
    var_runs = {
        label: _dbt(
            project, ["run", "--select", "stg_scorecards", "--vars", json.dumps(variables)],
            dbt_env(project, workdir / label.replace(" ", "_")),
        )
        for label, variables, _ in BAD_VARS
    }  # fmt: skip
    home = workdir / "home"
    home.mkdir()
    env = {
        key: value for key, value in dbt_env(project, workdir / "profile").items()
        if key != "DBT_PROFILES_DIR"
    }  # fmt: skip
    profile_run = _dbt(project, ["debug", "--config-dir"], {**env, "HOME": str(home)})
    # last: the seeds of this copy lose hot_min_score (and keep one rule the raw files can
    # score)
    rows = [
        {column: value for column, value in row.items() if column != "hot_min_score"}
        for row in MINIMAL_COLUMNS_FIXTURE.scorecards
    ]
    rules = [rule for rule in MINIMAL_COLUMNS_FIXTURE.rules if rule["rule_id"] == "m_no_title"]
    write_seeds(project, rows, rules, "exact")
    raw = _write(workdir / "raw", _with())
    variables = {"as_of": AS_OF.isoformat(), "raw_path": str(raw)}
    seed_run = _dbt(
        project,
        ["build", "--select", "+int_scorecards_validated", "--exclude-resource-type", "unit_test",
         "--vars", json.dumps(variables)],
        dbt_env(project, workdir / "seed"),
    )  # fmt: skip
    return ProjectRuns(project, seed_run, var_runs, profile_run)


@pytest.fixture(scope="module")
def project_runs() -> ProjectRuns:
    result: ProjectRuns = background.result("project_runs")
    return result


def test_seed_without_a_required_column_is_named(project_runs: ProjectRuns) -> None:
    """A scorecards seed without hot_min_score (required, SCORING.md §2) is a scorecard that
    cannot be evaluated: the gate names the seed's header, once, not each scorecard."""
    run = project_runs.seed_run
    assert run.returncode != 0
    assert "The scorecard cannot be evaluated; no score was written. 1 problem(s):" in run.output
    assert (
        "- scorecards: header: no column hot_min_score (a required column: add it, SCORING.md §2)"
        in run.output
    ), run.output[-3000:]


@pytest.mark.parametrize("label, variables, message", BAD_VARS, ids=[v[0] for v in BAD_VARS])
def test_bad_var_stops_with_a_message(
    project_runs: ProjectRuns, label: str, variables: dict[str, str], message: str
) -> None:
    run = project_runs.var_runs[label]
    assert run.returncode != 0
    assert message in run.output, run.output[-3000:]
    assert "Traceback" not in run.output


def test_dbt_finds_the_profile_in_the_project(project_runs: ProjectRuns) -> None:
    """From the project's folder, with no DBT_PROFILES_DIR and an empty home: dbt reads the
    project's profiles.yml."""
    run = project_runs.profile_run
    assert run.returncode == 0, run.output
    assert str(project_runs.project) in run.output
