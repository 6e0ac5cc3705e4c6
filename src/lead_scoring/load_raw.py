"""Load the raw inputs (leads, lead_events, conversions) from files into the `raw` schema of a
PostgreSQL or Spark target, from the same .csv / .parquet files the DuckDB target reads.

Every column is loaded as text, as DuckDB reads CSV files: staging casts, and a bad value becomes
a data-quality issue instead of a failed load. On Spark the tables are external tables over the
files; on PostgreSQL the rows are copied in.
"""

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import duckdb

SOURCES = ("leads", "lead_events", "conversions")
OPTIONAL = {"conversions": ("lead_id", "converted_at")}


def find_files(raw_path: Path) -> dict[str, Path | None]:
    """The file of each source, Parquet first; None for a missing optional source."""
    found: dict[str, Path | None] = {}
    for name in SOURCES:
        candidates = [raw_path / f"{name}.{ext}" for ext in ("parquet", "csv")]
        path = next((p for p in candidates if p.is_file()), None)
        if path is None and name not in OPTIONAL:
            raise FileNotFoundError(f"{raw_path}: found neither {name}.parquet nor {name}.csv")
        found[name] = path
    return found


def read_as_text(path: Path) -> duckdb.DuckDBPyRelation:
    """The file's rows with every column as text (nulls for empty CSV fields)."""
    connection = duckdb.connect()
    if path.suffix == ".parquet":
        relation = connection.read_parquet(str(path))
    else:
        relation = connection.read_csv(str(path), header=True, all_varchar=True, sep=",")
    casts = ", ".join(f'cast("{c}" as varchar) as "{c}"' for c in relation.columns)
    return relation.project(casts)


def postgres_connection(env: Mapping[str, str]):
    """A connection with the settings of the profile's postgres target (same variables)."""
    import psycopg2

    host = env.get("LEAD_SCORING_PG_HOST", "127.0.0.1")
    port = int(env.get("LEAD_SCORING_PG_PORT", "55432"))
    try:
        return psycopg2.connect(
            host=host,
            port=port,
            user=env.get("LEAD_SCORING_PG_USER", "postgres"),
            password=env.get("LEAD_SCORING_PG_PASSWORD", ""),
            dbname=env.get("LEAD_SCORING_PG_DATABASE", "lead_scoring"),
        )
    except psycopg2.OperationalError as error:
        raise ConnectionError(
            f"cannot connect to PostgreSQL at {host}:{port} (LEAD_SCORING_PG_* variables; "
            f"`scripts/postgres.sh start` starts a local server): {str(error).strip()}"
        ) from error


def load_postgres(
    files: dict[str, Path | None], schema: str, env: Mapping[str, str]
) -> dict[str, int]:
    connection = postgres_connection(env)
    counts: dict[str, int] = {}
    with connection, connection.cursor() as cursor:
        cursor.execute(f'create schema if not exists "{schema}"')
        for name, path in files.items():
            columns = list(OPTIONAL[name]) if path is None else read_as_text(path).columns
            ddl = ", ".join(f'"{column}" text' for column in columns)
            cursor.execute(f'drop table if exists "{schema}"."{name}" cascade')
            cursor.execute(f'create table "{schema}"."{name}" ({ddl})')
            if path is None:
                counts[name] = 0
                continue
            # a folder of its own: loads run side by side in one process (the e2e tests)
            with tempfile.TemporaryDirectory(prefix="lead_scoring_") as folder:
                text_file = Path(folder) / f"{name}.csv"
                read_as_text(path).write_csv(str(text_file), header=True)
                with text_file.open() as handle:
                    cursor.copy_expert(
                        f'copy "{schema}"."{name}" from stdin with (format csv, header true)',
                        handle,
                    )
            counts[name] = cursor.rowcount
    connection.close()
    return counts


def load_spark(
    files: dict[str, Path | None], schema: str, project_dir: Path, env: Mapping[str, str]
) -> dict[str, int]:
    tables = {
        name: {"path": str(path.resolve()), "format": path.suffix.lstrip(".")}
        if path is not None
        else {"columns": list(OPTIONAL[name])}
        for name, path in files.items()
    }
    dbt = Path(sys.executable).parent / "dbt"
    arguments = json.dumps({"schema": schema, "tables": tables})
    subprocess.run(
        [str(dbt), "run-operation", "create_raw_tables", "--target", "spark", "--args", arguments],
        cwd=project_dir,
        env=dict(env),
        check=True,
    )
    return {name: -1 for name in files}


def load(
    target: str,
    raw_path: Path,
    project_dir: Path,
    schema: str = "raw",
    env: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Loads the files of `raw_path` into `schema` of the target, with the connection settings
    of `env` (default: this process's environment); returns rows per table (-1 where the
    engine reads the file in place)."""
    env = os.environ if env is None else env
    files = find_files(raw_path)
    if target == "postgres":
        return load_postgres(files, schema, env)
    if target == "spark":
        return load_spark(files, schema, project_dir, env)
    raise ValueError(f"target {target!r}: load-raw is for postgres and spark (duckdb reads files)")
