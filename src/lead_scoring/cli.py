"""The `lead-scoring` command: generate the demo data, score it with dbt on DuckDB, and print
the summary.

    lead-scoring generate-demo [--out DIR] [--leads N] [--seed S]
    lead-scoring demo [--as-of YYYY-MM-DD] [--skip-generate]
    lead-scoring score [--raw-path DIR | --raw-schema SCHEMA] [--crm hubspot|salesforce|marketo]
        [--as-of YYYY-MM-DD] [--target T] [-- dbt build arguments]
    lead-scoring load-raw --target postgres|spark [--raw-path DIR] [--schema raw]
    lead-scoring summary [--db PATH]
    lead-scoring suggest --raw-path DIR --cutoff YYYY-MM-DD --scorecard-id NEW_ID
        [--from-scorecard ID] [--attributes A,B,...] [--horizon-days 90] [--window-days 90]
    lead-scoring x-education --csv Leads.csv --out DIR [--cutoff YYYY-MM-DD]
    lead-scoring diff --against GIT_REV [--raw-path DIR] [--as-of YYYY-MM-DD] [--examples 3]
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from lead_scoring import dashboard, demo_data, diff, suggest, x_education
from lead_scoring.load_raw import load as load_raw
from lead_scoring.project import copy_project
from lead_scoring.raw_files import ENCODINGS, RawFileError
from lead_scoring.summary import SummaryError, summarize

# the CRMs whose connector tables the project reads (models/staging/<crm>/, var crm_source)
CRMS = ("hubspot", "salesforce", "marketo")

DEFAULT_AS_OF = date(2026, 3, 15)


def project_root() -> Path:
    """The dbt project folder: the first folder above this package with a dbt_project.yml."""
    here = Path(__file__).resolve().parent
    for folder in (here, *here.parents):
        if (folder / "dbt_project.yml").is_file():
            return folder
    raise SystemExit(f"no dbt_project.yml found above {here}")


def duckdb_path(root: Path) -> Path:
    """LEAD_SCORING_DUCKDB_PATH (relative to the project root), or target/lead_scoring.duckdb."""
    configured = os.environ.get("LEAD_SCORING_DUCKDB_PATH")
    return (root / configured if configured else root / "target" / "lead_scoring.duckdb").resolve()


def print_counts(counts: dict[str, int], out_dir: Path, seconds: float) -> None:
    rows = ", ".join(f"{name}.csv: {count:,} rows" for name, count in counts.items())
    print(f"Demo data written to {out_dir} in {seconds:.1f}s ({rows})")


def generate(out_dir: Path, leads: int, seed: int, as_of: date = DEFAULT_AS_OF) -> None:
    started = time.perf_counter()
    counts = demo_data.generate(out_dir, n_leads=leads, as_of=as_of, seed=seed)
    print_counts(counts, out_dir, time.perf_counter() - started)


def run_score(
    root: Path,
    target: str,
    variables: dict[str, object],
    database: Path | None,
    dbt_args: Sequence[str] = (),
) -> int:
    """The production run: `dbt build` of the project without its unit tests (they test the
    project's own SQL, not the data; `dbt build` alone runs them too), output streamed;
    returns dbt's exit code. `database`: the DuckDB file (duckdb target)."""
    dbt = Path(sys.executable).parent / "dbt"
    command = [
        str(dbt), "build", "--exclude-resource-type", "unit_test",
        "--project-dir", str(root),
        "--profiles-dir", str(root),
        "--target", target,
        "--vars", json.dumps(variables),
        *dbt_args,
    ]  # fmt: skip
    # agate warns of each seed column_types entry that a seed leaves out (optional columns)
    environment = {**os.environ, "PYTHONWARNINGS": "ignore::RuntimeWarning:agate.type_tester"}
    prefix = ""
    if database is not None:
        environment["LEAD_SCORING_DUCKDB_PATH"] = str(database)
        database.parent.mkdir(parents=True, exist_ok=True)
        prefix = f"LEAD_SCORING_DUCKDB_PATH={shlex.quote(str(database))} "
    print(f"$ {prefix}{shlex.join(command)}", flush=True)
    return subprocess.run(command, cwd=root, env=environment, check=False).returncode


def print_summary(database: Path) -> int:
    try:
        print(summarize(database), end="")
    except SummaryError as error:
        print(f"lead-scoring: {error}", file=sys.stderr)
        return 1
    return 0


def command_generate_demo(args: argparse.Namespace) -> int:
    out_dir = (args.out or project_root() / "data" / "demo").resolve()
    generate(out_dir, args.leads, args.seed)
    return 0


def command_demo(args: argparse.Namespace) -> int:
    root = project_root()
    raw_path = root / "data" / "demo"
    if not args.skip_generate:
        generate(raw_path, 3000, 42)
    database = duckdb_path(root)
    variables = {"as_of": args.as_of.isoformat(), "raw_path": str(raw_path)}
    code = run_score(root, "duckdb", variables, database)
    if code != 0:
        print(f"lead-scoring: dbt build failed (exit code {code})", file=sys.stderr)
        return code
    print()
    return print_summary(database)


def command_score(args: argparse.Namespace) -> int:
    root = project_root()
    variables: dict[str, object] = {}
    if args.as_of is not None:
        variables["as_of"] = args.as_of.isoformat()
    if args.raw_path is not None:
        variables["raw_path"] = str(args.raw_path.resolve())
    if args.raw_schema is not None:
        variables["raw_schema"] = args.raw_schema
    if args.crm is not None:
        variables["crm_source"] = args.crm
    if args.encoding is not None:
        variables["raw_encoding"] = args.encoding
    database = duckdb_path(root) if args.target == "duckdb" else None
    dbt_args = args.dbt_args[1:] if args.dbt_args[:1] == ["--"] else args.dbt_args
    code = run_score(root, args.target, variables, database, dbt_args)
    if code != 0:
        print(f"lead-scoring: dbt build failed (exit code {code})", file=sys.stderr)
    return code


def command_summary(args: argparse.Namespace) -> int:
    database = args.db.resolve() if args.db else duckdb_path(project_root())
    return print_summary(database)


def command_dashboard(args: argparse.Namespace) -> int:
    database = args.db.resolve() if args.db else duckdb_path(project_root())
    return dashboard.run(database, args.port, args.address)


def command_diff(args: argparse.Namespace) -> int:
    """Scores the data with the seeds of a git revision and of the working copy in one build
    (diff.py) and prints what the edit changes."""
    root = (args.project_dir or project_root()).resolve()
    revision = args.against
    try:
        before, after = diff.seeds_at(root, revision), diff.working_seeds(root)
    except diff.DiffError as error:
        print(f"lead-scoring diff: {error}", file=sys.stderr)
        return 2
    plan = diff.plan(before, after)
    for label, scorecard_ids in (
        ("unchanged", plan.unchanged),
        (f"new (not at {revision})", plan.added),
        ("removed or made inactive", plan.removed),
    ):
        if scorecard_ids:
            print(f"scorecards {label}: {', '.join(scorecard_ids)}")
    if not plan.changed:
        print(f"no active scorecard differs from {revision}: nothing to compare")
        return 0
    work = root / "target" / "diff" / "project"
    copy_project(root, work)
    diff.write(work, diff.merged(before, after, plan.changed, revision))
    raw_path = (args.raw_path or root / "data" / "demo").resolve()
    variables: dict[str, object] = {"raw_path": str(raw_path)}
    if args.as_of is not None:
        variables["as_of"] = args.as_of.isoformat()
    database = root / "target" / "diff" / "diff.duckdb"
    dbt_args = ["--select", "+scorecard_comparison", "+scorecard_tier_transitions"]
    dbt_args += ["--indirect-selection", "cautious", "-q"]
    if run_score(work, "duckdb", variables, database, dbt_args) != 0:
        print("lead-scoring diff: the dbt build failed (above)", file=sys.stderr)
        return 2
    print("\n".join(diff.report(database, revision, args.examples)), end="")
    return 0


def command_x_education(args: argparse.Namespace) -> int:
    try:
        counts = x_education.convert(args.csv, args.out, args.cutoff)
    except (x_education.XEducationError, OSError, KeyError) as error:
        print(f"lead-scoring x-education: {error}", file=sys.stderr)
        return 2
    print(
        f"{counts['leads']:,} leads ({counts['conversions']:,} converted) -> {args.out}: "
        f"evaluate at the cut-off {args.cutoff}, e.g. lead-scoring score --raw-path {args.out} "
        f"--as-of {args.cutoff + timedelta(days=90)}"
    )
    return 0


def command_load_raw(args: argparse.Namespace) -> int:
    raw_path = (args.raw_path or project_root() / "data" / "demo").resolve()
    try:
        env = {"DBT_PROFILES_DIR": str(project_root()), **os.environ}
        counts = load_raw(args.target, raw_path, project_root(), args.schema, env, args.encoding)
    except (RawFileError, ValueError, ConnectionError) as error:
        print(f"lead-scoring load-raw: {error}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as error:
        print(f"lead-scoring load-raw: dbt failed (exit code {error.returncode})", file=sys.stderr)
        return error.returncode
    for name, rows in counts.items():
        where = "read in place" if rows < 0 else f"{rows:,} rows"
        print(f"{args.target}: {args.schema}.{name} ({where})")
    return 0


def command_suggest(args: argparse.Namespace) -> int:
    """Learns a scorecard (suggest.py), writes it into the seeds and prints the AUC of the new
    and the existing scorecards on the training and the held-out leads."""
    root = (args.project_dir or project_root()).resolve()
    database = root / "target" / "suggest.duckdb"
    variables = suggest.build_variables(args.raw_path.resolve(), args.cutoff, args.horizon_days)
    dbt_args = [
        "--select",
        "+int_evaluation_leads_labelled",
        "--indirect-selection",
        "cautious",
        "-q",
    ]
    attributes = None
    if args.attributes is not None:
        attributes = [name.strip() for name in args.attributes.split(",") if name.strip()]
    if args.scorecard_id == args.from_scorecard:
        print("lead-scoring suggest: --scorecard-id must name a new scorecard", file=sys.stderr)
        return 2
    try:
        if run_score(root, "duckdb", variables, database, dbt_args) != 0:
            raise suggest.SuggestError("the dbt build of the population failed (above)")
        data = suggest.read_data(
            database, args.cutoff, args.window_days, attributes, args.from_scorecard
        )
        description = (
            f"Learned by lead-scoring suggest at the cut-off {args.cutoff} "
            f"({args.horizon_days}-day horizon, {suggest.TRAINING_PERCENT} % training part)"
        )
        learned = suggest.suggest_scorecard(
            data,
            root / "seeds",
            args.scorecard_id,
            args.from_scorecard,
            args.window_days,
            args.points_to_double_odds,
            description,
        )
        replaced = suggest.write_scorecard(root / "seeds", learned)
        print("\n".join(suggest.summary_lines(learned, data)))
        verb = "replaced in" if replaced else "written to"
        print(f"\nscorecard {args.scorecard_id}: {len(learned.rules)} rules {verb} seeds/")
        if run_score(root, "duckdb", variables, database, dbt_args) != 0:
            raise suggest.SuggestError("the dbt build with the new scorecard failed (above)")
        scored = suggest.read_data(database, args.cutoff, args.window_days, [], None)
    except suggest.SuggestError as error:
        print(f"lead-scoring suggest: {error}", file=sys.stderr)
        return 2
    others = [args.from_scorecard] if args.from_scorecard else sorted(scored.scores)
    compared = [args.scorecard_id, *(other for other in others if other != args.scorecard_id)]
    print(f"\nAUC at the cut-off {args.cutoff} ({args.horizon_days}-day horizon):")
    print(f"  {'scorecard':<24} {'training':>9} {'held out':>9}")
    for scorecard_id, training, held_out in suggest.held_out_auc(scored, compared):
        print(f"  {scorecard_id:<24} {training:>9} {held_out:>9}")
    return 0


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="lead-scoring",
        description="Transparent lead scoring with dbt: demo data, scoring and a summary.",
    )
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    generate_demo = commands.add_parser("generate-demo", help="write the demo CSV files")
    generate_demo.add_argument("--out", type=Path, help="output folder (default: data/demo)")
    generate_demo.add_argument("--leads", type=int, default=3000, help="number of leads (3000)")
    generate_demo.add_argument("--seed", type=int, default=42, help="random seed (42)")
    generate_demo.set_defaults(handler=command_generate_demo)

    demo = commands.add_parser(
        "demo", help="generate the demo data, score it on DuckDB with dbt build, print the summary"
    )
    demo.add_argument(
        "--as-of",
        type=iso_date,
        default=DEFAULT_AS_OF,
        help=f"scoring date, YYYY-MM-DD ({DEFAULT_AS_OF})",
    )
    demo.add_argument(
        "--skip-generate", action="store_true", help="score the demo data as it is on disk"
    )
    demo.set_defaults(handler=command_demo)

    score = commands.add_parser(
        "score",
        help="score your leads: dbt build of the project without its unit tests (the "
        "production run; `dbt build` alone also runs the project's unit tests)",
    )
    source = score.add_mutually_exclusive_group()
    source.add_argument(
        "--raw-path",
        type=Path,
        help="folder of leads / lead_events / conversions .csv or .parquet (duckdb target; "
        "default: the demo data)",
    )
    source.add_argument("--raw-schema", help="schema of the raw tables already in the warehouse")
    score.add_argument(
        "--crm",
        choices=CRMS,
        help="read the tables of this CRM's connector (Fivetran) from --raw-schema (default: "
        "the schema named like the CRM) instead of the contract's own tables",
    )
    score.add_argument("--as-of", type=iso_date, help="scoring date, YYYY-MM-DD (default: today)")
    score.add_argument(
        "--target", default="duckdb", choices=("duckdb", "postgres", "spark"), help="(duckdb)"
    )
    score.add_argument("--encoding", choices=ENCODINGS, help="encoding of the CSV files (utf-8)")
    score.add_argument(
        "dbt_args",
        nargs=argparse.REMAINDER,
        help="after --, more arguments of dbt build (e.g. -- --select +lead_scores)",
    )
    score.set_defaults(handler=command_score)

    load = commands.add_parser(
        "load-raw",
        help="load raw leads, events and conversions files into the raw schema of a postgres "
        "or spark target (connection settings: the profile's environment variables)",
    )
    load.add_argument("--target", choices=("postgres", "spark"), required=True)
    load.add_argument(
        "--raw-path",
        type=Path,
        help="folder of leads / lead_events / conversions .csv or .parquet (default: data/demo)",
    )
    load.add_argument("--schema", default="raw", help="schema to load into (raw)")
    load.add_argument(
        "--encoding", default="utf-8", choices=ENCODINGS, help="encoding of the CSV files (utf-8)"
    )
    load.set_defaults(handler=command_load_raw)

    xed = commands.add_parser(
        "x-education",
        help="map the X Education Leads.csv to leads.csv and conversions.csv (the columns that "
        "leak the outcome left out; leads created before the cut-off, conversions after it)",
    )
    xed.add_argument("--csv", type=Path, required=True, help="the X Education Leads.csv")
    xed.add_argument("--out", type=Path, required=True, help="folder to write the raw files to")
    xed.add_argument(
        "--cutoff",
        type=iso_date,
        default=x_education.DEFAULT_CUTOFF,
        help=f"the cut-off day ({x_education.DEFAULT_CUTOFF})",
    )
    xed.set_defaults(handler=command_x_education)

    compare = commands.add_parser(
        "diff",
        help="what an edit of the scorecard seeds changes: score the same data with the seeds "
        "of a git revision and with the working copy, print tier transitions, MQLs / SQLs "
        "gained and lost with example leads, and the evaluation before / after",
    )
    compare.add_argument("--against", required=True, help="git revision (e.g. HEAD, main)")
    compare.add_argument(
        "--raw-path", type=Path, help="folder of the raw files (default: the demo data)"
    )
    compare.add_argument("--as-of", type=iso_date, help="scoring date, YYYY-MM-DD (today)")
    compare.add_argument(
        "--examples", type=int, default=3, help="example leads per change shown (3)"
    )
    compare.add_argument(
        "--project-dir", type=Path, help="the dbt project whose seeds to compare (this one)"
    )
    compare.set_defaults(handler=command_diff)

    summary = commands.add_parser("summary", help="print the summary of a scored DuckDB file")
    summary.add_argument(
        "--db",
        type=Path,
        help="DuckDB file (default: $LEAD_SCORING_DUCKDB_PATH or target/lead_scoring.duckdb)",
    )
    summary.set_defaults(handler=command_summary)

    board = commands.add_parser(
        "dashboard", help="serve the dashboard of a scored DuckDB file (Streamlit)"
    )
    board.add_argument(
        "--db",
        type=Path,
        help="DuckDB file (default: $LEAD_SCORING_DUCKDB_PATH or target/lead_scoring.duckdb)",
    )
    board.add_argument("--port", type=int, default=8501, help="port to serve on (8501)")
    board.add_argument(
        "--address", default="localhost", help="address to listen on (localhost; 0.0.0.0: all)"
    )
    board.set_defaults(handler=command_dashboard)

    learn = commands.add_parser(
        "suggest",
        help="learn a scorecard's points from the leads and conversions of a folder (weight "
        "of evidence on a training part), write it into the seeds, and print its held-out AUC "
        "next to the existing scorecard's",
    )
    learn.add_argument("--raw-path", type=Path, required=True, help="folder of the raw files")
    learn.add_argument("--cutoff", type=iso_date, required=True, help="the cut-off day, YYYY-MM-DD")
    learn.add_argument("--scorecard-id", required=True, help="id of the new scorecard")
    learn.add_argument(
        "--from-scorecard",
        help="scorecard whose fit attributes, exclusion rules and SQL triggers to take",
    )
    learn.add_argument(
        "--attributes",
        help="fit attributes to learn, comma-separated, as the leads file names them (e.g. "
        '"Lead Origin,Total Time Spent on Website"; default: those of --from-scorecard)',
    )
    learn.add_argument(
        "--horizon-days",
        type=int,
        default=90,
        help="days after the cut-off in which a conversion counts (90)",
    )
    learn.add_argument(
        "--window-days", type=int, default=90, help="days of events before the cut-off counted (90)"
    )
    learn.add_argument(
        "--points-to-double-odds",
        type=float,
        help="points per doubling of the odds (default: the best possible lead scores 100)",
    )
    learn.add_argument(
        "--project-dir", type=Path, help="the dbt project whose seeds to write (this one)"
    )
    learn.set_defaults(handler=command_suggest)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
