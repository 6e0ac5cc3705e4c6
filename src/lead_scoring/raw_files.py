"""The raw files of a folder (leads, lead_events, conversions as .csv or .parquet), found and
checked as the DuckDB target's on-run-start hook does (macros/inputs/check_raw_files.sql), and
read as text with the same fixed CSV dialect, for `lead-scoring load-raw` (PostgreSQL, Spark).

A file that cannot be read raises RawFileError with a message that names the folder or file,
the column or line, and what to do: nothing is loaded then. The checks and messages are those of
the macro, so a file fails the same way whichever engine scores it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

REQUIRED: dict[str, tuple[str, ...]] = {
    "leads": ("lead_id", "created_at"),
    "lead_events": ("event_id", "lead_id", "event_type", "occurred_at"),
    "conversions": ("lead_id", "converted_at"),
}
OPTIONAL_SOURCES = ("conversions",)
ENCODINGS = ("utf-8", "utf-16", "latin-1")
HINTS = {
    "TOO MANY COLUMNS": "more fields than the header: a value with a comma in it must be in "
    "double quotes",
    "MISSING COLUMNS": "fewer fields than the header",
    "UNQUOTED VALUE": "a double quote inside a value must be doubled, and the value quoted",
}
MAX_LISTED_LINES = 5


class RawFileError(ValueError):
    """A raw folder or file that cannot be read as the contract's input."""


@dataclass(frozen=True)
class RawFile:
    name: str  # leads, lead_events or conversions
    path: Path
    columns: tuple[str, ...]  # as the file spells them

    @property
    def format(self) -> str:
        return self.path.suffix.lower().lstrip(".")


def glob_escape(path: str) -> str:
    """A path that DuckDB's readers (which read every name as a glob) match as that one path."""
    return path.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


def literal(text: str) -> str:
    """A DuckDB string literal."""
    return "'" + text.replace("'", "''") + "'"


def dialect(encoding: str) -> str:
    """The read_csv options of every raw CSV file: comma, double quote, first line the header,
    no comment lines; never sniffed (a sniffer takes a ragged file's most regular line for its
    header)."""
    return (
        "header = true, skip = 0, delim = ',', quote = '\"', escape = '\"', comment = '', "
        f"encoding = {literal(encoding)}"
    )


def csv_reader(path: Path, columns: tuple[str, ...], encoding: str) -> str:
    """The read_csv call that reads `path` with its header's columns, every one as text."""
    types = ", ".join(f"{literal(column)}: 'VARCHAR'" for column in columns)
    return (
        f"read_csv({literal(glob_escape(str(path)))}, {dialect(encoding)}, "
        f"auto_detect = false, columns = {{{types}}}"
    )


def find_files(raw_path: Path) -> dict[str, Path | None]:
    """The file of each source (names matched case-insensitively, Parquet first); None for a
    missing optional source."""
    label = f"raw_path '{raw_path}'"
    listed = sorted(raw_path.iterdir()) if raw_path.is_dir() else []
    if not listed:
        raise RawFileError(
            f"{label} does not exist, is not a folder, or is empty: it must hold leads.csv and "
            "lead_events.csv (or .parquet), and may hold conversions.csv"
        )
    found: dict[str, Path | None] = {}
    for name in REQUIRED:
        path: Path | None = None
        for extension in ("parquet", "csv"):
            matches = [file for file in listed if file.name.lower() == f"{name}.{extension}"]
            if len(matches) > 1:
                names = " and ".join(file.name for file in matches)
                raise RawFileError(f"{label}: {names} differ only in case; keep one of them")
            path = path or (matches[0] if matches else None)
        if path is None and name not in OPTIONAL_SOURCES:
            held = ", ".join(file.name for file in listed[:10]) + (
                " ..." if len(listed) > 10 else ""
            )
            raise RawFileError(
                f"{label}: found neither {name}.csv nor {name}.parquet; the folder holds {held}"
            )
        found[name] = path
    return found


def _columns(connection: duckdb.DuckDBPyConnection, path: Path, encoding: str) -> list[str]:
    source = literal(glob_escape(str(path)))
    if path.suffix.lower() == ".parquet":
        query = f"describe select * from read_parquet({source})"
    else:
        query = (
            f"describe select * from read_csv({source}, {dialect(encoding)}, all_varchar = true, "
            "store_rejects = true)"
        )
    return [row[0] for row in connection.execute(query).fetchall()]


def _check_lines(connection: duckdb.DuckDBPyConnection, raw_file: RawFile, encoding: str) -> None:
    """Reads every line once; raises naming the first bad lines by their line number."""
    for table in ("lead_scoring_rejected_lines", "lead_scoring_rejected_scans"):
        connection.execute(f"drop table if exists {table}")
    connection.execute(
        f"select count(columns(*)) from {csv_reader(raw_file.path, raw_file.columns, encoding)}, "
        "store_rejects = true, rejects_table = 'lead_scoring_rejected_lines', "
        "rejects_scan = 'lead_scoring_rejected_scans')"
    ).fetchall()
    rejected = connection.execute(
        "select line, min(error_type), min(error_message), coalesce(min(csv_line), '') "
        "from lead_scoring_rejected_lines group by line order by line"
    ).fetchall()
    if not rejected:
        return
    hints = {
        **HINTS,
        "INVALID ENCODING": f"not valid {encoding}: save the file as UTF-8, or set the var "
        "raw_encoding (utf-8, utf-16 or latin-1)",
    }
    lines = [
        f"line {line}: {hints.get(kind, 'cannot be read')} ({message}): {text[:100]}"
        for line, kind, message, text in rejected[:MAX_LISTED_LINES]
    ]
    more = "\n  - ..." if len(rejected) > MAX_LISTED_LINES else ""
    raise RawFileError(
        f"{raw_file.path}: {len(rejected)} line(s) cannot be read, so nothing was scored:\n  - "
        + "\n  - ".join(lines)
        + more
    )


def check_files(raw_path: Path, encoding: str = "utf-8") -> dict[str, RawFile | None]:
    """The raw files of `raw_path`, each checked (see the module docstring); None for a missing
    optional source. Raises RawFileError."""
    if encoding not in ENCODINGS:
        raise RawFileError(f"encoding '{encoding}' is not one of {', '.join(ENCODINGS)}")
    files: dict[str, RawFile | None] = {}
    with duckdb.connect() as connection:
        for name, path in find_files(raw_path).items():
            if path is None:
                files[name] = None
                continue
            if path.stat().st_size == 0:
                raise RawFileError(
                    f"{path} is empty (0 bytes): it needs at least a header line with the "
                    f"columns {', '.join(REQUIRED[name])}"
                )
            columns = _columns(connection, path, encoding)
            if len(columns) == 1 and path.suffix.lower() == ".csv":
                for delimiter, delimiter_name in ((";", "';'"), ("\t", "tabs"), ("|", "'|'")):
                    if delimiter in columns[0]:
                        raise RawFileError(
                            f"{path}: the header is one column ('{columns[0][:100]}'): the file "
                            f"looks delimited by {delimiter_name}, not by commas; save it as "
                            "comma-separated values"
                        )
            present = {column.strip().lower() for column in columns}
            missing = [column for column in REQUIRED[name] if column not in present]
            if missing:
                raise RawFileError(
                    f"{path}: no column {', '.join(missing)} (required: "
                    f"{', '.join(REQUIRED[name])}); its columns are {', '.join(columns)[:500]}"
                )
            raw_file = RawFile(name, path, tuple(columns))
            if raw_file.format == "csv":
                _check_lines(connection, raw_file, encoding)
            files[name] = raw_file
    return files


def read_as_text(
    connection: duckdb.DuckDBPyConnection, raw_file: RawFile, encoding: str = "utf-8"
) -> duckdb.DuckDBPyRelation:
    """The file's rows with every column as text (nulls for empty CSV fields), columns named
    as the file spells them."""
    if raw_file.format == "parquet":
        source = f"read_parquet({literal(glob_escape(str(raw_file.path)))})"
    else:
        source = csv_reader(raw_file.path, raw_file.columns, encoding) + ")"
    casts = ", ".join(
        f'cast("{column.replace(chr(34), chr(34) * 2)}" as varchar) as '
        f'"{column.replace(chr(34), chr(34) * 2)}"'
        for column in raw_file.columns
    )
    return connection.sql(f"select {casts} from {source}")
