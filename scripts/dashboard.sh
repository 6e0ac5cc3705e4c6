#!/usr/bin/env bash
# Serves the dashboard (Streamlit) of the DuckDB file the main job builds
# (target/lead_scoring.duckdb, or $LEAD_SCORING_DUCKDB_PATH) on http://localhost:8501.
# Run ./scripts/demo.sh first. Extra arguments go to `lead-scoring dashboard` (--port, --db).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec uv run lead-scoring dashboard "$@"
