"""Benchmark of the lead-scoring project on DuckDB ("Fast at scale", part 1: measure).

    uv run python benchmarks/run.py --sizes 100000,1000000 [--with-5m] [--repeats 3]

For each size (number of leads; ~50 events per lead) it generates the data once (cached by
size, seed and as_of under --cache-dir), then times whole processes, each run as a child
process whose wall time, CPU time (user + system) and peak RSS are taken from os.wait4():

- floor: one DuckDB query that reads the events and counts them per lead and event type;
- id pass: one DuckDB query that finds the event_ids used by more than one row (a hash
  aggregate of every id): the pass that "an event_id counts once" needs whatever the
  algorithm, on a column the floor does not read: floor + id pass is a lower bound of any
  DuckDB scoring that keeps that rule;
- reference: benchmarks/reference.sql, the hand-written single query that returns the rows of
  lead_scores, written to a table of a fresh DuckDB file; its rows are then checked against the
  project's lead_scores, row for row (every column, score_reasons included);
- project: `dbt build --select +lead_scores +lead_score_breakdown --exclude resource_type:test
  resource_type:unit_test` on a fresh DuckDB file;
- fixed cost: the same dbt build on empty input files (0 leads, 0 events): dbt's start-up,
  parsing, hooks, per-model compilation, DDL and metadata queries, i.e. everything but the
  data work; it is shown apart and subtracted from the project's time. `dbt run --select
  none_matching` (dbt's bare start-up) is shown too.
- incremental: the daily run. A full build as of --as-of, then one more day of events (~0.2%
  of the history, generate.py --delta-day) appended to the events file, then the timed
  `dbt build` of the same selection as of the next day against the database the full build
  left (int_lead_events_contested and int_lead_engagement_dates_listed read only the new
  day's events); its lead_scores and lead_score_breakdown are compared, row for row, with a
  --full-refresh build of the next day.
  The table shows it next to the full build of the same loop (daily / full build).

All DuckDB processes get the same memory_limit (--memory-limit; the project through
LEAD_SCORING_DUCKDB_MEMORY_LIMIT) and DuckDB's default thread count (the machine's cores),
except the reference when --reference-memory-limit gives it its own: one query holds at once
what the project's steps hold one after the other, and at 1M leads it needs a little more
than 3GB (the peak RSS of every process is printed).
Times are medians over --repeats runs. The table is printed as Markdown and saved as JSON
next to the cached data. README.md (Performance) explains the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import string
import subprocess
import sys
import textwrap
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
# bump when generate.py changes what it writes, so that cached data is regenerated
GENERATOR_VERSION = 1
DBT_SELECTION = [
    "--select", "+lead_scores", "+lead_score_breakdown",
    "--exclude", "resource_type:test", "resource_type:unit_test",
]  # fmt: skip
# the scoring models and the score history's
HISTORY_SELECTION = [
    "--select", "+lead_scores", "+lead_score_breakdown", "+lead_score_history",
    "+lead_stage_episodes", "+lead_funnel", "+int_history_inputs_counted",
    "--exclude", "resource_type:test", "resource_type:unit_test",
]  # fmt: skip


# --- measuring child processes ----------------------------------------------------------------


@dataclass
class Measure:
    """One child process: wall seconds, CPU seconds (user + system), peak RSS in MiB."""

    wall: float
    cpu: float
    rss_mib: float
    returncode: int


def run_measured(command: list[str], env: dict | None = None, log: Path | None = None) -> Measure:
    """Run `command` to completion; its output goes to `log` (or is discarded)."""
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115
    try:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, close_fds=True
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log:
            out.close()
    # ru_maxrss is in KiB on Linux; the process tree is this one process (no grandchildren:
    # dbt and DuckDB run in-process), and wait4 also folds in any waited-for descendants
    cpu = usage.ru_utime + usage.ru_stime
    return Measure(wall, cpu, usage.ru_maxrss / 1024, process.returncode)


def median_measure(measures: list[Measure]) -> Measure:
    return Measure(
        statistics.median(m.wall for m in measures),
        statistics.median(m.cpu for m in measures),
        max(m.rss_mib for m in measures),
        max(m.returncode for m in measures),
    )


# --- the timed jobs ---------------------------------------------------------------------------

# the two baselines: one DuckDB query each, on the events file ({events})
BASELINE_SQL = {
    # the scan floor: read the events, count them per lead and event type
    "floor": (
        "select count(*), sum(events) from ("
        "select lead_id, event_type, count(*) as events "
        "from read_parquet('{events}') group by lead_id, event_type)"
    ),
    # the one pass over every event_id that "an event_id counts once" needs whatever the
    # algorithm: which ids more than one row uses (a hash aggregate of all the ids)
    "id pass": (
        "select count(*) from ("
        "select hash(event_id) as id_hash "
        "from read_parquet('{events}') group by id_hash having count(*) > 1)"
    ),
}

BASELINE_SCRIPT = """
import sys, duckdb
sql, memory_limit, threads = sys.argv[1:4]
con = duckdb.connect(config={"memory_limit": memory_limit, "preserve_insertion_order": False})
if threads != "0":
    con.execute(f"set threads = {int(threads)}")
print(con.execute(sql).fetchall())
"""

REFERENCE_SCRIPT = """
import sys, duckdb
sql_file, database, memory_limit, temp_dir, threads = sys.argv[1:6]
con = duckdb.connect(database, config={
    "memory_limit": memory_limit, "temp_directory": temp_dir, "preserve_insertion_order": False,
})
if threads != "0":
    con.execute(f"set threads = {int(threads)}")
con.execute("create or replace table lead_scores as " + open(sql_file).read())
print(con.execute("select count(*) from lead_scores").fetchall())
"""


def reference_sql(data_dir: Path, as_of: dt.date, reasons_max: int = 3) -> str:
    template = string.Template((BENCH_DIR / "reference.sql").read_text())
    seeds = PROJECT_DIR / "seeds"
    return template.substitute(
        leads=data_dir / "leads.parquet",
        lead_events=data_dir / "lead_events.parquet",
        scorecards=seeds / "scorecards.csv",
        scorecard_rules=seeds / "scorecard_rules.csv",
        country_regions=seeds / "country_regions.csv",
        matrix_segments=seeds / "matrix_segments.csv",
        as_of=as_of.isoformat(),
        top_reasons=", ".join(
            f"max(case when reason_rank = {rank} then reason end)"
            for rank in range(1, reasons_max + 1)
        ),
    )


def dbt_env(work: Path, args: argparse.Namespace) -> dict:
    env = dict(os.environ)
    env.update(
        DBT_PROFILES_DIR=str(args.project_dir),
        DBT_TARGET_PATH=str(work / "target"),
        DBT_LOG_PATH=str(work / "logs"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        DBT_USE_COLORS="false",
        LEAD_SCORING_TARGET="duckdb",
        LEAD_SCORING_DUCKDB_PATH=str(work / "project.duckdb"),
        LEAD_SCORING_DUCKDB_TEMP_DIR=str(work / "duckdb_tmp"),
        LEAD_SCORING_DUCKDB_MEMORY_LIMIT=args.memory_limit,
        LEAD_SCORING_THREADS=str(args.dbt_threads),
    )
    return env


def dbt_command(args: argparse.Namespace, *words: str) -> list[str]:
    dbt = Path(sys.executable).with_name("dbt")
    return [str(dbt), *words, "--project-dir", str(args.project_dir)]


def dbt_vars(data_dir: Path, as_of: dt.date, history_days: int = 0) -> str:
    # the daily run needs the incremental engagement state (opt-in); a first build with it is
    # the same full build as without it
    return json.dumps(
        {
            "raw_path": str(data_dir),
            "as_of": as_of.isoformat(),
            "incremental_engagement_state": True,
            "history_days": history_days,
        }
    )


def fresh(path: Path) -> None:
    """Remove a DuckDB file (and its WAL) or a folder, so that a run starts clean."""
    for candidate in (path, path.with_name(path.name + ".wal")):
        if candidate.is_dir():
            shutil.rmtree(candidate)
        elif candidate.exists():
            candidate.unlink()


def full_build(
    args: argparse.Namespace,
    work: Path,
    env: dict[str, str],
    log: Path,
    data_dir: Path,
    history: bool = False,
) -> Measure:
    """A timed `dbt build` of the scoring models as of --as-of, in a fresh database in `work`
    (`history`: and of the score history, --history-days days)."""
    fresh(work / "project.duckdb")
    fresh(work / "duckdb_tmp")
    selection, days = (HISTORY_SELECTION, args.history_days) if history else (DBT_SELECTION, 0)
    return run_measured(
        dbt_command(args, "build", *selection, "--vars", dbt_vars(data_dir, args.as_of, days)),
        env=env,
        log=log,
    )


def history_counts(database: Path) -> dict[str, int]:
    """The size of the history a build left: its periods, episodes, and the candidate days it
    scored (exactly, and in all)."""
    with duckdb.connect(str(database), read_only=True) as con:
        row = con.execute(
            "select (select count(*) from main.lead_score_history),"
            " (select count(*) from main.lead_stage_episodes),"
            " (select count(*) from main_intermediate.int_lead_history_days_scored),"
            " (select count(*) from main_intermediate.int_lead_history_days_scored"
            "  where is_exact),"
            " (select count(*) from main.lead_scores)"
        ).fetchone()
    assert row is not None
    names = ("periods", "episodes", "candidate_days", "exact_days", "lead_scores")
    return dict(zip(names, row, strict=True))


# --- data -------------------------------------------------------------------------------------


def ensure_data(leads: int, args: argparse.Namespace, delta: bool = False) -> Path:
    """Generate (once) the data of `leads` leads; returns its folder."""
    name = f"leads{leads}_seed{args.seed}_asof{args.as_of.isoformat()}_v{GENERATOR_VERSION}"
    data_dir = args.cache_dir / "data" / name
    manifest = data_dir / "manifest.json"
    wanted = {"leads": leads, "seed": args.seed, "as_of": args.as_of.isoformat()}
    if manifest.exists():
        found = json.loads(manifest.read_text())
        if all(found.get(k) == v for k, v in wanted.items()) and (
            not delta or "delta_event_rows" in found
        ):
            return data_dir
    command = [
        sys.executable, str(BENCH_DIR / "generate.py"), "--leads", str(leads),
        "--out", str(data_dir), "--seed", str(args.seed), "--as-of", args.as_of.isoformat(),
        "--memory-limit", args.memory_limit,
    ]  # fmt: skip
    if delta:
        command += ["--delta-day", (args.as_of + dt.timedelta(days=1)).isoformat()]
    print(f"  generating {leads:,} leads into {data_dir} ...", flush=True)
    measure = run_measured(command, log=args.cache_dir / "generate.log")
    if measure.returncode != 0:
        raise SystemExit(f"generate.py failed; see {args.cache_dir / 'generate.log'}")
    found = json.loads(manifest.read_text())
    print(
        f"  generated {found['lead_rows']:,} lead rows, {found['event_rows']:,} event rows "
        f"in {measure.wall:.1f} s (peak RSS {measure.rss_mib:,.0f} MiB)",
        flush=True,
    )
    return data_dir


# --- comparison and profile -------------------------------------------------------------------


def compare_outputs(reference_db: Path, project_db: Path) -> dict:
    """Row-for-row comparison of the reference's lead_scores with the project's."""
    con = duckdb.connect()
    con.execute(f"attach '{reference_db}' as ref (read_only)")
    con.execute(f"attach '{project_db}' as proj (read_only)")
    columns = [row[0] for row in con.execute("describe proj.main.lead_scores").fetchall()]
    ref_types = con.execute("describe ref.main.lead_scores").fetchall()
    proj_types = con.execute("describe proj.main.lead_scores").fetchall()
    counts = con.execute(
        "select (select count(*) from ref.main.lead_scores), "
        "(select count(*) from proj.main.lead_scores)"
    ).fetchall()[0]
    only = con.execute(
        "select count(*) filter (where p.lead_id is null),"
        " count(*) filter (where r.lead_id is null)"
        " from ref.main.lead_scores r full join proj.main.lead_scores p"
        " using (lead_id, scorecard_id)"
    ).fetchall()[0]
    differing = {}
    for column in columns:
        if column in ("lead_id", "scorecard_id"):
            continue
        n = con.execute(
            f"select count(*) from ref.main.lead_scores r join proj.main.lead_scores p "
            f"using (lead_id, scorecard_id) where r.{column} is distinct from p.{column}"
        ).fetchall()[0][0]
        if n:
            differing[column] = n
    rows_differing = con.execute(
        "select count(*) from (select * from ref.main.lead_scores "
        "except all select * from proj.main.lead_scores)"
    ).fetchall()[0][0]
    return {
        "reference_rows": counts[0],
        "project_rows": counts[1],
        "only_in_reference": only[0],
        "only_in_project": only[1],
        "same_columns_and_types": [(c, t) for c, t, *_ in ref_types]
        == [(c, t) for c, t, *_ in proj_types],
        "rows_differing": rows_differing,
        "columns_differing": differing,
        "equal": rows_differing == 0 and counts[0] == counts[1] and not differing,
    }


def describe_comparison(result: dict) -> str:
    if result["equal"]:
        return (
            f"reference == project lead_scores: yes, row for row ({result['project_rows']:,} rows,"
            " every column including score_reasons)"
        )
    columns = ", ".join(f"{c} ({n:,})" for c, n in result["columns_differing"].items())
    return (
        f"reference == project lead_scores: NO - {result['rows_differing']:,} of "
        f"{result['project_rows']:,} rows differ (reference rows {result['reference_rows']:,};"
        f" only in reference {result['only_in_reference']:,}, only in project "
        f"{result['only_in_project']:,}); columns: {columns or '-'}"
    )


def node_profile(target: Path) -> list[dict]:
    """Per-node timings of the last dbt invocation (target/run_results.json)."""
    results = json.loads((target / "run_results.json").read_text())
    nodes = []
    for result in results["results"]:
        execute = [t for t in result.get("timing", []) if t["name"] == "execute"]
        compile_ = [t for t in result.get("timing", []) if t["name"] == "compile"]

        def seconds(timings: list[dict]) -> float:
            if not timings:
                return 0.0
            start = dt.datetime.fromisoformat(timings[0]["started_at"].replace("Z", "+00:00"))
            end = dt.datetime.fromisoformat(timings[0]["completed_at"].replace("Z", "+00:00"))
            return (end - start).total_seconds()

        nodes.append(
            {
                "node": result["unique_id"],
                "seconds": result["execution_time"],
                "compile": seconds(compile_),
                "execute": seconds(execute),
            }
        )
    return sorted(nodes, key=lambda node: -node["seconds"])


# --- incremental hook -------------------------------------------------------------------------


def incremental_models(project_dir: Path) -> list[str]:
    """Models configured as incremental (in their SQL or in dbt_project.yml)."""
    found = []
    pattern = re.compile(r"materialized\s*=\s*\(?\s*['\"]incremental['\"]|is_incremental\s*\(")
    for path in sorted((project_dir / "models").rglob("*.sql")):
        if pattern.search(path.read_text(errors="replace")):
            found.append(path.stem)
    project_yml = (project_dir / "dbt_project.yml").read_text(errors="replace")
    if re.search(r"materialized:\s*['\"]?incremental", project_yml):
        found.append("(dbt_project.yml)")
    return found


SCORING_MARTS = ("lead_scores", "lead_score_breakdown")
HISTORY_MARTS = ("lead_score_history", "lead_stage_episodes", "lead_funnel")


def compare_marts(db_a: Path, db_b: Path, tables: tuple[str, ...] = SCORING_MARTS) -> dict:
    """Row-for-row equality of the marts `tables` in two project databases."""
    con = duckdb.connect()
    con.execute(f"attach '{db_a}' as a (read_only)")
    con.execute(f"attach '{db_b}' as b (read_only)")
    result = {}
    for table in tables:
        rows, only_a, only_b = con.execute(
            f"select (select count(*) from a.main.{table}),"
            f" (select count(*) from (select * from a.main.{table} except all"
            f" select * from b.main.{table})),"
            f" (select count(*) from (select * from b.main.{table} except all"
            f" select * from a.main.{table}))"
        ).fetchall()[0]
        result[table] = {"rows": rows, "only_incremental": only_a, "only_full": only_b}
    result["equal"] = all(
        v["only_incremental"] == 0 and v["only_full"] == 0
        for v in result.values()
        if isinstance(v, dict)
    )
    return result


def run_incremental(
    leads: int, args: argparse.Namespace, work: Path, history: bool = False
) -> dict:
    """The daily incremental run, timed as a whole process.

    A full build as of --as-of on the generated history (timed too: the ratio's
    denominator), then one more day of events (lead_events_delta.parquet from generate.py
    --delta-day, ~0.2% of the history) appended to lead_events.parquet in a copy of the data
    folder, then the timed daily run: the same `dbt build` selection as of the next day on the
    grown data, against the database the full build left, so that the incremental models
    (int_lead_events_contested, int_lead_engagement_dates_listed) read only the new day's
    events. Its lead_scores and lead_score_breakdown are then compared, row for row, with a
    full rebuild (--full-refresh, fresh database) as of the next day on the same grown data.
    With `history`, the builds include the score history (--history-days days): the daily run
    extends it by the new day, and its history marts are compared too.
    """
    models = incremental_models(args.project_dir)
    if not models:
        return {"status": "not implemented"}
    base = ensure_data(leads, args, delta=True)
    next_day = args.as_of + dt.timedelta(days=1)
    day_dir = work / "data_next_day"
    day_dir.mkdir(parents=True, exist_ok=True)
    for name in ("leads.parquet",):
        target = day_dir / name
        if not target.exists():
            target.symlink_to(base / name)
    events = day_dir / "lead_events.parquet"
    if not events.exists():
        con = duckdb.connect(config={"memory_limit": args.memory_limit})
        con.execute(
            f"copy (select * from read_parquet('{base / 'lead_events.parquet'}') union all "
            f"select * from read_parquet('{base / 'lead_events_delta.parquet'}')) "
            f"to '{events}' (format parquet, compression snappy, row_group_size 122880)"
        )
        con.close()
    delta_rows = json.loads((base / "manifest.json").read_text())["delta_event_rows"]
    env = dbt_env(work, args)
    log = work / ("incremental_history.log" if history else "incremental.log")
    selection, days = (HISTORY_SELECTION, args.history_days) if history else (DBT_SELECTION, 0)
    label = "with history " if history else ""
    fulls, dailies = [], []
    for i in range(args.repeats):
        full = full_build(args, work, env, log, base, history=history)
        if full.returncode != 0:
            return {"status": f"full build failed (see {log})"}
        daily = run_measured(
            dbt_command(args, "build", *selection, "--vars", dbt_vars(day_dir, next_day, days)),
            env=env,
            log=log,
        )
        if daily.returncode != 0:
            return {"status": f"incremental build failed (see {log})"}
        print(f"  full build {label}#{i + 1}: {fmt_measure(full)}", flush=True)
        print(f"  daily run  {label}#{i + 1}: {fmt_measure(daily)}", flush=True)
        fulls.append(full)
        dailies.append(daily)
    profile = node_profile(work / "target")
    # the full rebuild of the next day, in its own database, to compare with
    rebuild_work = work / "rebuild"
    rebuild_work.mkdir(parents=True, exist_ok=True)
    fresh(rebuild_work / "project.duckdb")
    rebuild = run_measured(
        dbt_command(
            args, "build", *selection, "--full-refresh",
            "--vars", dbt_vars(day_dir, next_day, days),
        ),
        env=dbt_env(rebuild_work, args),
        log=log,
    )  # fmt: skip
    if rebuild.returncode != 0:
        return {"status": f"full rebuild of the next day failed (see {log})"}
    tables = SCORING_MARTS + (HISTORY_MARTS if history else ())
    comparison = compare_marts(work / "project.duckdb", rebuild_work / "project.duckdb", tables)
    return {
        "status": "ok",
        "models": models,
        "delta_event_rows": delta_rows,
        "measure": asdict(median_measure(dailies)),
        "full": asdict(median_measure(fulls)),
        "profile": profile,
        "comparison": comparison,
    }


# --- one size ---------------------------------------------------------------------------------


def bench_size(leads: int, args: argparse.Namespace, empty_fixed: Measure | None) -> dict:
    print(f"\n== {leads:,} leads", flush=True)
    data_dir = ensure_data(leads, args)
    manifest = json.loads((data_dir / "manifest.json").read_text())
    work = args.cache_dir / "work" / f"leads{leads}"
    work.mkdir(parents=True, exist_ok=True)
    threads = str(args.threads)
    result: dict = {"leads": leads, "lead_rows": manifest["lead_rows"]}
    result["event_rows"] = manifest["event_rows"]

    for name, sql in BASELINE_SQL.items():
        measures = []
        for i in range(args.repeats):
            measure = run_measured(
                [
                    sys.executable,
                    "-c",
                    BASELINE_SCRIPT,
                    sql.format(events=data_dir / "lead_events.parquet"),
                    args.memory_limit,
                    threads,
                ],
                log=work / f"{name.replace(' ', '_')}.log",
            )
            print(f"  {name:<10} #{i + 1}: {fmt_measure(measure)}", flush=True)
            measures.append(measure)
        result[name] = asdict(median_measure(measures))

    sql_file = work / "reference_query.sql"
    sql_file.write_text(reference_sql(data_dir, args.as_of))
    # every repeat in a database of its own: the rows compared are those of a run that
    # succeeded, and a run that fails (out of memory) is counted, not hidden
    reference, failed = [], 0
    fresh(work / "reference.duckdb")
    for i in range(args.repeats):
        database = work / f"reference_{i}.duckdb"
        fresh(database)
        fresh(work / "reference_tmp")
        measure = run_measured(
            [
                sys.executable,
                "-c",
                REFERENCE_SCRIPT,
                str(sql_file),
                str(database),
                args.reference_memory_limit or args.memory_limit,
                str(work / "reference_tmp"),
                threads,
            ],
            log=work / "reference.log",
        )
        print(f"  reference  #{i + 1}: {fmt_measure(measure)}", flush=True)
        if measure.returncode != 0:
            # e.g. out of memory: shown as failed, the project is still timed
            print(f"  reference failed; see {work / 'reference.log'}", flush=True)
            failed += 1
        else:
            reference.append(measure)
            if not (work / "reference.duckdb").exists():
                database.rename(work / "reference.duckdb")
        fresh(database)
    result["reference"] = asdict(median_measure(reference or [measure]))
    result["reference"]["failed_runs"] = failed

    if args.skip_project:
        return result
    env = dbt_env(work, args)
    log = work / "dbt.log"
    # not timed: a parse, so that every timed run starts from the same partial-parse state
    subprocess.run(dbt_command(args, "parse"), env=env, stdout=subprocess.DEVNULL, check=False)
    project = []
    for i in range(args.repeats):
        measure = full_build(args, work, env, log, data_dir)
        print(f"  project    #{i + 1}: {fmt_measure(measure)}", flush=True)
        if measure.returncode != 0:
            raise SystemExit(f"dbt build failed; see {log}")
        project.append(measure)
    result["project"] = asdict(median_measure(project))
    result["profile"] = node_profile(work / "target")
    if result["reference"]["returncode"] == 0:
        result["comparison"] = compare_outputs(work / "reference.duckdb", work / "project.duckdb")
        print("  " + describe_comparison(result["comparison"]), flush=True)
    if empty_fixed is not None:
        result["fixed"] = asdict(empty_fixed)

    if args.history_days > 0:
        builds = []
        for i in range(args.repeats):
            measure = full_build(args, work, env, log, data_dir, history=True)
            print(f"  history    #{i + 1}: {fmt_measure(measure)}", flush=True)
            if measure.returncode != 0:
                raise SystemExit(f"dbt build with history failed; see {log}")
            builds.append(measure)
        result["history"] = asdict(median_measure(builds))
        result["history"]["counts"] = history_counts(work / "project.duckdb")
        result["history_profile"] = node_profile(work / "target")
        print(f"  history ({args.history_days} days): {result['history']['counts']}", flush=True)

    if args.incremental:
        incremental = run_incremental(leads, args, work)
        result["incremental"] = incremental
        if incremental["status"] == "not implemented":
            print("  incremental: not implemented", flush=True)
        elif incremental["status"] == "ok":
            measure = Measure(**incremental["measure"])
            print(
                f"  incremental (+{incremental['delta_event_rows']:,} events, models "
                f"{', '.join(incremental['models'])}): {fmt_measure(measure)}",
                flush=True,
            )
            tables = incremental["comparison"]
            print(
                "  daily run == full rebuild of the next day: "
                + ("yes" if tables["equal"] else "NO")
                + "".join(
                    f"; {name} {v['rows']:,} rows ({v['only_incremental']:,} / "
                    f"{v['only_full']:,} differ)"
                    for name, v in tables.items()
                    if isinstance(v, dict)
                ),
                flush=True,
            )
        else:
            print(f"  incremental: {incremental['status']}", flush=True)
        if args.history_days > 0 and incremental["status"] == "ok":
            with_history = run_incremental(leads, args, work, history=True)
            result["incremental_history"] = with_history
            if with_history["status"] == "ok":
                measure = Measure(**with_history["measure"])
                print(
                    f"  daily run with history: {fmt_measure(measure)}; == full rebuild: "
                    + ("yes" if with_history["comparison"]["equal"] else "NO"),
                    flush=True,
                )
            else:
                print(f"  incremental with history: {with_history['status']}", flush=True)
    return result


def fixed_costs(args: argparse.Namespace) -> tuple[Measure, Measure]:
    """dbt's fixed cost: the project's build on empty inputs, and a bare `dbt run` of nothing."""
    print("\n== fixed cost (empty input)", flush=True)
    data_dir = ensure_data(0, args)
    work = args.cache_dir / "work" / "empty"
    work.mkdir(parents=True, exist_ok=True)
    env = dbt_env(work, args)
    subprocess.run(dbt_command(args, "parse"), env=env, stdout=subprocess.DEVNULL, check=False)
    empty, noop = [], []
    for i in range(args.repeats):
        fresh(work / "project.duckdb")
        measure = run_measured(
            dbt_command(args, "build", *DBT_SELECTION, "--vars", dbt_vars(data_dir, args.as_of)),
            env=env,
            log=work / "dbt.log",
        )
        print(f"  empty build #{i + 1}: {fmt_measure(measure)}", flush=True)
        if measure.returncode != 0:
            raise SystemExit(f"dbt build on empty input failed; see {work / 'dbt.log'}")
        empty.append(measure)
        measure = run_measured(
            dbt_command(
                args, "run", "--select", "none_matching", "--vars", dbt_vars(data_dir, args.as_of)
            ),
            env=env,
            log=work / "dbt.log",
        )
        print(f"  dbt no-op   #{i + 1}: {fmt_measure(measure)}", flush=True)
        noop.append(measure)
    return median_measure(empty), median_measure(noop)


# --- report -----------------------------------------------------------------------------------


def fmt_measure(m: Measure) -> str:
    return f"{m.wall:7.2f} s wall, {m.cpu:7.2f} s CPU, peak RSS {m.rss_mib:7,.0f} MiB"


def failed_runs(reference: dict) -> str:
    """' (1 failed)' when runs of the reference failed (the median is of the others)."""
    failed = reference.get("failed_runs", 0)
    return f" ({failed} failed)" if failed else ""


def ratio(numerator: float, denominator: float, valid: bool) -> str:
    """numerator / denominator as "1.23x", or "-" when not valid (a failed run)."""
    return f"{numerator / denominator:.2f}x" if valid else "-"


def table(results: list[dict], noop: Measure | None) -> str:
    head = (
        "| leads | events | floor s | id pass s | reference s | project s (excl. fixed) "
        "| fixed s | daily incremental s (excl. fixed) | project / reference | project / floor "
        "| (floor + id pass) / floor | reference / floor | daily / full build "
        "| peak RSS MiB floor / reference / project / daily |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: |\n"
    )
    rows = []
    for r in results:
        floor, ref = r["floor"], r["reference"]
        ref_ok = ref["returncode"] == 0
        ref_cell = f"{ref['wall']:.1f}{failed_runs(ref)}" if ref_ok else "failed"
        ids = r["id pass"]["wall"]
        baselines = (
            f"| {r['leads']:,} | {r['event_rows']:,} | {floor['wall']:.1f} | {ids:.1f} | {ref_cell}"
        )
        bound = f"{(floor['wall'] + ids) / floor['wall']:.2f}x"
        if "project" in r:
            fixed = r.get("fixed", {"wall": 0.0, "cpu": 0.0})
            proj = r["project"]
            net = proj["wall"] - fixed["wall"]
            inc = r.get("incremental", {})
            if inc.get("status") == "ok":
                daily, full = inc["measure"], inc["full"]
                daily_net = daily["wall"] - fixed["wall"]
                full_net = full["wall"] - fixed["wall"]
                daily_cell = f"{daily_net:.1f} ({daily['wall']:.1f} in all)"
                ratio_cell = (
                    f"{daily_net / full_net:.2f}x ({daily['wall'] / full['wall']:.2f}x in all)"
                    + ("" if inc["comparison"]["equal"] else " NOT EQUAL")
                )
                daily_rss = f"{daily['rss_mib']:,.0f}"
            else:
                daily_cell, ratio_cell, daily_rss = "-", "-", "-"
            rows.append(
                f"{baselines} | {net:.1f} ({proj['wall']:.1f} in all) | {fixed['wall']:.1f}"
                f" | {daily_cell} | {ratio(net, ref['wall'], ref_ok)}"
                f" | {net / floor['wall']:.2f}x | {bound}"
                f" | {ratio(ref['wall'], floor['wall'], ref_ok)} | {ratio_cell}"
                f" | {floor['rss_mib']:,.0f} / {ref['rss_mib']:,.0f} / {proj['rss_mib']:,.0f}"
                f" / {daily_rss} |"
            )
        else:
            rows.append(
                f"{baselines} | - | - | - | - | - | {bound}"
                f" | {ratio(ref['wall'], floor['wall'], ref_ok)} | - "
                f"| {floor['rss_mib']:,.0f} / {ref['rss_mib']:,.0f} / - / - |"
            )
    cpu_head = (
        "\nCPU seconds (user + system; steadier than wall time on a shared machine):\n\n"
        "| leads | floor | id pass | reference | project (excl. fixed) | fixed "
        "| project / reference | project / floor |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    cpu_rows = []
    for r in results:
        if "project" not in r:
            continue
        fixed = r.get("fixed", {"cpu": 0.0})
        net = r["project"]["cpu"] - fixed["cpu"]
        ref = r["reference"]
        ref_ok = ref["returncode"] == 0
        ref_cell = f"{ref['cpu']:.1f}{failed_runs(ref)}" if ref_ok else "failed"
        cpu_rows.append(
            f"| {r['leads']:,} | {r['floor']['cpu']:.1f} | {r['id pass']['cpu']:.1f} | {ref_cell} "
            f"| {net:.1f} | {fixed['cpu']:.1f} | {ratio(net, ref['cpu'], ref_ok)} "
            f"| {net / r['floor']['cpu']:.2f}x |"
        )
    text = head + "\n".join(rows) + "\n"
    if cpu_rows:
        text += cpu_head + "\n".join(cpu_rows) + "\n"

    def daily_cells(r: dict) -> str:
        plain, with_history = r.get("incremental", {}), r.get("incremental_history", {})
        if plain.get("status") != "ok" or with_history.get("status") != "ok":
            return "- | - | -"
        a, b = plain["measure"]["wall"], with_history["measure"]["wall"]
        equal = "" if with_history["comparison"]["equal"] else " NOT EQUAL"
        return f"{a:.1f} | {b:.1f} | {b / a:.2f}x{equal}"

    history_rows = [
        f"| {r['leads']:,} | {r['project']['wall']:.1f} | {r['history']['wall']:.1f} "
        f"| {r['history']['wall'] / r['project']['wall']:.2f}x | {daily_cells(r)} "
        f"| {r['history']['counts']['periods']:,} | {r['history']['counts']['episodes']:,} "
        f"| {r['history']['counts']['candidate_days']:,} "
        f"| {r['history']['counts']['exact_days']:,} | {r['history']['rss_mib']:,.0f} |"
        for r in results
        if "history" in r and "project" in r
    ]
    if history_rows:
        text += (
            "\nScore history (wall seconds of whole builds, dbt's fixed cost included):\n\n"
            "| leads | build without history | build with history | with / without "
            "| daily run without history | daily run with history | with / without "
            "| history periods | episodes | candidate days | exactly scored | peak RSS MiB |\n"
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
            "| ---: |\n" + "\n".join(history_rows) + "\n"
        )
    if noop is not None:
        text += f"\ndbt no-op (`dbt run --select none_matching`): {fmt_measure(noop)}\n"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000", help="comma-separated numbers of leads")
    parser.add_argument("--with-5m", action="store_true", help="add 5,000,000 leads")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 3, 15))
    parser.add_argument("--memory-limit", default="2GB", help="DuckDB memory_limit, all runs")
    parser.add_argument(
        "--reference-memory-limit", help="the reference's memory_limit (default: --memory-limit)"
    )
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (0: default)")
    parser.add_argument("--dbt-threads", type=int, default=2, help="LEAD_SCORING_THREADS")
    parser.add_argument("--cache-dir", type=Path, default=BENCH_DIR / ".cache")
    parser.add_argument("--project-dir", type=Path, default=PROJECT_DIR)
    parser.add_argument("--skip-project", action="store_true", help="floor and reference only")
    parser.add_argument(
        "--no-incremental", dest="incremental", action="store_false", help="skip the daily run"
    )
    parser.add_argument(
        "--history-days",
        type=int,
        default=365,
        help="also time a build with the score history of this many days (0: skip)",
    )
    args = parser.parse_args(argv)
    args.cache_dir = args.cache_dir.resolve()
    args.project_dir = args.project_dir.resolve()
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.with_5m and 5_000_000 not in sizes:
        sizes.append(5_000_000)

    print(
        f"machine: {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"{platform.platform()}; duckdb {duckdb.__version__}; memory_limit {args.memory_limit} "
        f"(reference: {args.reference_memory_limit or args.memory_limit}); "
        f"repeats {args.repeats}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    empty_fixed = noop = None
    if not args.skip_project:
        empty_fixed, noop = fixed_costs(args)
    results = [bench_size(leads, args, empty_fixed) for leads in sizes]

    report = table(results, noop)
    print("\n" + report)
    for r in results:
        for key, what in (("profile", "build"), ("history_profile", "build with history")):
            if key in r:
                print(f"slowest dbt nodes of the {what} at {r['leads']:,} leads (s, last run):")
                for node in r[key][:8]:
                    print(f"  {node['seconds']:8.2f}  {node['node']}")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.cache_dir / f"results-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "args": {k: str(v) for k, v in vars(args).items()},
                "machine": {"cores": os.cpu_count(), "platform": platform.platform()},
                "fixed": asdict(empty_fixed) if empty_fixed else None,
                "noop": asdict(noop) if noop else None,
                "results": results,
                "table": report,
            },
            indent=2,
        )
        + "\n"
    )
    print(textwrap.dedent(f"\nresults saved to {out}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
