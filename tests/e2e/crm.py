"""Harness of the CRM adapters' end-to-end tests: the connector's tables of a fixture loaded into
a schema of their own, a real `dbt build` with `crm_source` set, and the marts read back.

A fixture is a folder `crm_fixtures/<crm>/` with one CSV file per connector table, named as the
connector names the table (`contact.csv`, `email_event.csv`, ...), under the column names the
connector gives them. The loader keeps the types a connector lands (DuckDB reads each file
with its types detected: timestamps, booleans and numbers are typed as Fivetran lands them):
on DuckDB and Spark the typed columns as they are, on PostgreSQL with the matching PostgreSQL
types. The build uses the shipped scorecard seeds.

A test module registers its build as the background job `crm_job(crm, engine)` and asks for it
through a fixture named `<crm>_build` (per engine: with the `engine` fixture of conftest.py):
the job then starts with the session's other long setups, when the tests are collected.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import background
import duckdb
from scenario import (
    AS_OF,
    HISTORY_FOLDERS,
    Row,
    _rows,
    build_env,
    copy_project,
    dbt_or_fail,
    read_mart,
    run_dbt,
    scenario_schema,
)

from lead_scoring.load_raw import postgres_connection

CRM_FIXTURES = Path(__file__).resolve().parent / "crm_fixtures"
CRMS: tuple[str, ...] = ("hubspot", "salesforce", "marketo")
SCORECARD = "default"
# what a CRM build makes on Spark
SPARK_MARTS: tuple[str, ...] = (
    "+lead_scores",
    "+data_quality_issues",
    "+data_quality_reconciliation",
)
# the folders of the tests that are neither an adapter's nor the ledger's
OTHER_TESTS: tuple[str, ...] = (
    "models/staging/raw",
    "models/staging/scorecard",
    "models/intermediate",
    "models/marts/scoring",
    "models/semantic",
    "seeds",
)
# DuckDB types of the detected columns -> PostgreSQL's (anything else: text)
POSTGRES_TYPES = {
    "BOOLEAN": "boolean",
    "BIGINT": "bigint",
    "INTEGER": "bigint",
    "DOUBLE": "double precision",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamp with time zone",
}


@dataclass(frozen=True)
class CrmBuild:
    """The marts of one CRM build. `scores` and `breakdown` are by lead_id on the shipped
    `default` scorecard (breakdown: rule_id -> lead_score_breakdown row; None on Spark, which
    builds the scores and the ledger only); `issues` are the
    data_quality_issues rows; `reconciliation` the data_quality_reconciliation rows by
    source_name; `conversions` the rows of stg_conversions (not read on Spark: None)."""

    crm: str
    engine: str
    scores: dict[str, Row]
    breakdown: dict[str, dict[str, Row]] | None
    issues: list[Row]
    reconciliation: dict[str, Row]
    conversions: list[Row] | None


def crm_job(crm: str, engine: str = "duckdb") -> str:
    """The name of the background job of the build of `crm`'s fixture on `engine`."""
    return f"crm_build:{crm}:{engine}"


@background.needs
def _crm_builds_needed(item: Any) -> set[str]:
    """A test of the fixture `<crm>_build` needs that CRM's build on its engine (DuckDB unless
    the test is parametrized by `engine`)."""
    fixtures = set(getattr(item, "fixturenames", ()))
    callspec = getattr(item, "callspec", None)
    engine = callspec.params.get("engine", "duckdb") if callspec is not None else "duckdb"
    return {crm_job(crm, engine) for crm in CRMS if f"{crm}_build" in fixtures}


def fixture_tables(crm: str, fixture: Path | None = None) -> dict[str, Path]:
    """The CSV files of a CRM fixture by table name."""
    folder = fixture or CRM_FIXTURES / crm
    tables = {path.stem: path for path in sorted(folder.glob("*.csv"))}
    assert tables, f"no CSV file in {folder}"
    return tables


def _read(reader: duckdb.DuckDBPyConnection, path: Path) -> duckdb.DuckDBPyRelation:
    return reader.read_csv(str(path), header=True)


def load_tables(
    engine: str,
    tables: Mapping[str, Path],
    schema: str,
    project: Path,
    env: Mapping[str, str],
) -> None:
    """Creates each table of `tables` (name -> CSV file) in `schema` of the build's database,
    with the types DuckDB detects in the file."""
    if engine == "duckdb":
        with duckdb.connect(env["LEAD_SCORING_DUCKDB_PATH"]) as connection:
            connection.execute(f'create schema if not exists "{schema}"')
            for name, path in tables.items():
                connection.execute(
                    f'create or replace table "{schema}"."{name}" as '
                    "select * from read_csv(?, header = true)",
                    [str(path)],
                )
        return
    if engine == "postgres":
        _load_postgres(tables, schema, env)
        return
    folder = Path(env["LEAD_SCORING_SPARK_DIR"]) / "raw" / schema
    specs: dict[str, dict[str, str]] = {}
    with duckdb.connect() as reader:
        for name, path in tables.items():
            target = folder / name
            target.mkdir(parents=True, exist_ok=True)
            _read(reader, path).write_parquet(str(target / "part-0.parquet"))
            specs[name] = {"path": str(target.resolve())}
    arguments = json.dumps({"schema": schema, "tables": specs})
    completed = run_dbt(
        project,
        ["run-operation", "create_raw_tables", "--target", "spark", "--args", arguments],
        env,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def _load_postgres(tables: Mapping[str, Path], schema: str, env: Mapping[str, str]) -> None:
    from psycopg2 import sql

    with (
        postgres_connection(env) as connection,
        connection.cursor() as cursor,
        duckdb.connect() as reader,
    ):
        cursor.execute(sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(schema)))
        cursor.execute(sql.SQL("create schema {}").format(sql.Identifier(schema)))
        for name, path in tables.items():
            relation = _read(reader, path)
            columns = sql.SQL(", ").join(
                sql.SQL("{} {}").format(
                    sql.Identifier(column), sql.SQL(POSTGRES_TYPES.get(str(kind), "text"))
                )
                for column, kind in zip(relation.columns, relation.types, strict=True)
            )
            table = sql.Identifier(schema, name)
            cursor.execute(sql.SQL("create table {} ({})").format(table, columns))
            with tempfile.TemporaryDirectory(prefix="lead_scoring_crm_") as folder:
                text_file = Path(folder) / f"{name}.csv"
                relation.write_csv(str(text_file), header=True)
                with text_file.open(encoding="utf-8") as handle:
                    cursor.copy_expert(
                        sql.SQL("copy {} from stdin with (format csv, header true)")
                        .format(table)
                        .as_string(cursor),
                        handle,
                    )
    connection.close()


def build_crm(
    crm: str,
    workdir: Path,
    engine: str = "duckdb",
    *,
    as_of: date = AS_OF,
    fixture: Path | None = None,
    variables: Mapping[str, Any] | None = None,
) -> CrmBuild:
    """Loads the fixture of `crm` (default: crm_fixtures/<crm>) and builds the project on it
    with `crm_source: <crm>`, the history left out; fails the test on a dbt error. On DuckDB
    the tables go to the schema named like the CRM (the adapter's default `raw_schema`) and
    the build runs every test; elsewhere to a schema of the build's own, tests left out (the
    e2e assertions check the marts)."""
    label = f"crm_{crm}_{workdir.name}"
    project = workdir / "project"
    project.mkdir(parents=True)
    copy_project(project)
    env = build_env(label, engine, project, workdir)
    dbt_vars: dict[str, Any] = {"as_of": as_of.isoformat(), "crm_source": crm, **(variables or {})}
    schema = crm
    if engine != "duckdb":
        schema = f"raw_{scenario_schema(label)}"
        dbt_vars["raw_schema"] = schema
    load_tables(engine, fixture_tables(crm, fixture), schema, project, env)
    excluded: Sequence[str] = [f"path:models/{folder}" for folder in HISTORY_FOLDERS]
    excluded = [*excluded, "path:tests/dbt/history"]
    if engine == "duckdb":
        # the adapter's own unit tests run here (dbt_env leaves the others to the demo build),
        # and its data tests with the ledger's; the scoring's invariants are the fixtures
        # builds' to check
        env.pop("DBT_EXCLUDE_RESOURCE_TYPES")
        excluded = [
            *excluded,
            *(f"test_type:unit,path:{path}" for path in OTHER_TESTS),
            *(f"test_type:data,path:{path}" for path in OTHER_TESTS),
            *(
                f"path:{path.relative_to(project)}"
                for path in (project / "tests/dbt").glob("*.sql")
            ),
        ]
    else:
        excluded = [*excluded, "resource_type:test", "resource_type:unit_test"]
    # on Spark the scores and the ledger only (a model takes seconds there; the breakdown's
    # parity with DuckDB is checked on the fixtures build)
    selected = ["--select", *SPARK_MARTS] if engine == "spark" else []
    dbt_or_fail(
        project,
        ["build", *selected, "--exclude", *excluded, "--vars", json.dumps(dbt_vars)],
        env,
        f"{crm} fixture on {engine}",
    )
    scores = {
        row["lead_id"]: row
        for row in read_mart(engine, "lead_scores", env)
        if row["scorecard_id"] == SCORECARD
    }
    breakdown: dict[str, dict[str, Row]] | None = None
    if engine != "spark":
        breakdown = {}
        for row in read_mart(engine, "lead_score_breakdown", env):
            if row["scorecard_id"] == SCORECARD:
                breakdown.setdefault(row["lead_id"], {})[row["rule_id"]] = row
    reconciliation = {
        row["source_name"]: row for row in read_mart(engine, "data_quality_reconciliation", env)
    }
    return CrmBuild(
        crm=crm,
        engine=engine,
        scores=scores,
        breakdown=breakdown,
        issues=read_mart(engine, "data_quality_issues", env),
        reconciliation=reconciliation,
        conversions=_staged_conversions(engine, env),
    )


def _staged_conversions(engine: str, env: Mapping[str, str]) -> list[Row] | None:
    """The rows of stg_conversions (a view), or None on Spark (its views live in the
    metastore of the build's Spark session)."""
    query = "select lead_id, converted_at from {schema}.stg_conversions order by lead_id"
    if engine == "duckdb":
        with duckdb.connect(env["LEAD_SCORING_DUCKDB_PATH"], read_only=True) as connection:
            return _rows(connection.execute(query.format(schema="main_staging")))
    if engine == "postgres":
        with postgres_connection(env) as connection, connection.cursor() as cursor:
            cursor.execute(query.format(schema=f'"{env["LEAD_SCORING_PG_SCHEMA"]}_staging"'))
            return _rows(cursor)
    return None
