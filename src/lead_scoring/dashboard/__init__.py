"""The dashboard: a Streamlit app (app.py) over the marts of a scored DuckDB file (queries.py),
started by `lead-scoring dashboard` (run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).with_name("app.py")


def command(database: Path, port: int, address: str = "localhost") -> list[str]:
    """The command that serves the dashboard of `database` on `address`:`port`, headless and
    without usage statistics (nothing is sent anywhere)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.headless=true",
        f"--server.port={port}",
        f"--server.address={address}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
        "--",
        str(database),
    ]


def run(database: Path, port: int, address: str = "localhost") -> int:
    """Serves the dashboard until interrupted."""
    if not database.is_file():
        print(
            f"lead-scoring dashboard: {database}: no such DuckDB file; score the data first "
            "(./scripts/demo.sh)",
            file=sys.stderr,
        )
        return 2
    print(f"lead-scoring dashboard: http://{address}:{port} (Ctrl-C stops it)", flush=True)
    try:
        return subprocess.run(command(database, port, address), check=False).returncode
    except KeyboardInterrupt:
        return 0
