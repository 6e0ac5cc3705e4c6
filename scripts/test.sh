#!/usr/bin/env bash
# The whole test suite: install, lint (ruff, sqlfluff), `dbt build` of the demo data (seeds,
# models, data tests, unit tests), then pytest's end-to-end cases. Extra arguments go to pytest
# (e.g. -k worked_example).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

export DBT_PROFILES_DIR="$PWD/profiles"
export LEAD_SCORING_DUCKDB_PATH="$PWD/target/test_demo.duckdb"
rm -f "$LEAD_SCORING_DUCKDB_PATH"

echo "== ruff"
uv run ruff check src tests
uv run ruff format --check src tests

echo "== dbt build (demo data, as of 2026-03-15)"
uv run dbt build --vars '{as_of: "2026-03-15"}'

echo "== sqlfluff lint"
uv run sqlfluff lint models

echo "== pytest"
uv run pytest "$@"
