"""Load the raw inputs (leads, lead_events, conversions) from files into the `raw` schema of a
PostgreSQL or Spark target, from the same .csv / .parquet files the DuckDB target reads.

The files are found, checked and read exactly as the DuckDB target reads them (raw_files: the
same checks, the same CSV dialect, every column as text): staging casts, and a bad value becomes
a data-quality issue instead of a failed load, while a file that cannot be read is refused with
a message before anything is loaded. Column names are kept as the files spell them and quoted
safely. On PostgreSQL the rows are copied in; on Spark they are written as Parquet files of
text columns under LEAD_SCORING_SPARK_DIR/raw and the tables are external tables over them
(Spark never parses the CSV itself, so it sees the rows DuckDB sees).
"""

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import duckdb

from lead_scoring.raw_files import REQUIRED, RawFile, RawFileError, check_files, read_as_text


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


def _columns(name: str, raw_file: RawFile | None) -> tuple[str, ...]:
    return REQUIRED[name] if raw_file is None else raw_file.columns


POSTGRES_NAME_BYTES = 63  # PostgreSQL cuts longer identifiers silently (NAMEDATALEN - 1)


def load_postgres(
    files: dict[str, RawFile | None], schema: str, env: Mapping[str, str], encoding: str
) -> dict[str, int]:
    from psycopg2 import sql

    for raw_file in files.values():
        for column in raw_file.columns if raw_file else ():
            if len(column.encode("utf-8")) > POSTGRES_NAME_BYTES:
                raise RawFileError(
                    f"{raw_file.path}: the column name '{column}' is longer than PostgreSQL's "
                    f"{POSTGRES_NAME_BYTES} bytes, which it would cut; shorten it in the file"
                )

    connection = postgres_connection(env)
    counts: dict[str, int] = {}
    with connection, connection.cursor() as cursor, duckdb.connect() as reader:
        cursor.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(schema)))
        for name, raw_file in files.items():
            table = sql.Identifier(schema, name)
            columns = sql.SQL(", ").join(
                sql.SQL("{} text").format(sql.Identifier(column))
                for column in _columns(name, raw_file)
            )
            cursor.execute(sql.SQL("drop table if exists {} cascade").format(table))
            cursor.execute(sql.SQL("create table {} ({})").format(table, columns))
            if raw_file is None:
                counts[name] = 0
                continue
            # a folder of its own: loads run side by side in one process (the e2e tests)
            with tempfile.TemporaryDirectory(prefix="lead_scoring_") as folder:
                text_file = Path(folder) / f"{name}.csv"
                read_as_text(reader, raw_file, encoding).write_csv(str(text_file), header=True)
                with text_file.open(encoding="utf-8") as handle:
                    cursor.copy_expert(
                        sql.SQL("copy {} from stdin with (format csv, header true)")
                        .format(table)
                        .as_string(cursor),
                        handle,
                    )
            counts[name] = cursor.rowcount
    connection.close()
    return counts


def load_spark(
    files: dict[str, RawFile | None],
    schema: str,
    project_dir: Path,
    env: Mapping[str, str],
    encoding: str,
) -> dict[str, int]:
    spark_dir = Path(env.get("LEAD_SCORING_SPARK_DIR", project_dir / "target" / "spark"))
    folder = (spark_dir / "raw" / schema).resolve()
    tables: dict[str, dict[str, object]] = {}
    counts: dict[str, int] = {}
    with duckdb.connect() as reader:
        for name, raw_file in files.items():
            if raw_file is None:
                tables[name] = {"columns": list(_columns(name, None))}
                counts[name] = 0
                continue
            target = folder / name
            target.mkdir(parents=True, exist_ok=True)
            for old in target.glob("*.parquet"):
                old.unlink()
            relation = read_as_text(reader, raw_file, encoding)
            relation.write_parquet(str(target / "part-0.parquet"))
            tables[name] = {"path": str(target)}
            counts[name] = len(relation)
    dbt = Path(sys.executable).parent / "dbt"
    arguments = json.dumps({"schema": schema, "tables": tables})
    subprocess.run(
        [str(dbt), "run-operation", "create_raw_tables", "--target", "spark", "--args", arguments],
        cwd=project_dir,
        env=dict(env),
        check=True,
    )
    return counts


def load(
    target: str,
    raw_path: Path,
    project_dir: Path,
    schema: str = "raw",
    env: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
) -> dict[str, int]:
    """Loads the files of `raw_path` into `schema` of the target, with the connection settings
    of `env` (default: this process's environment); returns rows per table. Raises
    RawFileError (a ValueError) when a file cannot be read: nothing is loaded then."""
    env = os.environ if env is None else env
    files = check_files(raw_path, encoding)
    if target == "postgres":
        return load_postgres(files, schema, env, encoding)
    if target == "spark":
        return load_spark(files, schema, project_dir, env, encoding)
    raise ValueError(f"target {target!r}: load-raw is for postgres and spark (duckdb reads files)")
