#!/usr/bin/env bash
# The whole test suite: install, lint (ruff, sqlfluff), `dbt build` of the demo data (seeds,
# models, data tests, unit tests), then pytest's end-to-end cases on every engine: DuckDB, a
# throwaway PostgreSQL server (scripts/postgres.sh, stopped again at the end if this script
# started it) and a local Spark session.
#
#   scripts/test.sh [--engines duckdb,postgres,spark] [pytest arguments, e.g. -k worked_example]
#
# --engines (or LEAD_SCORING_TEST_ENGINES) picks the engines of the end-to-end cases; DuckDB
# always runs the demo build, the differential test and the incremental test.
set -euo pipefail
cd "$(dirname "$0")/.."

engines="${LEAD_SCORING_TEST_ENGINES:-duckdb,postgres,spark}"
case "${1:-}" in
    --engines) engines="$2"; shift 2 ;;
    --engines=*) engines="${1#*=}"; shift ;;
esac
export LEAD_SCORING_TEST_ENGINES="$engines"

bash scripts/bootstrap.sh

export DBT_PROFILES_DIR="$PWD"
export LEAD_SCORING_DUCKDB_PATH="$PWD/target/test_demo.duckdb"
rm -f "$LEAD_SCORING_DUCKDB_PATH"

echo "== ruff"
uv run ruff check src tests benchmarks
uv run ruff format --check src tests benchmarks

echo "== dbt build (demo data, as of 2026-03-15)"
uv run dbt build --vars '{as_of: "2026-03-15"}'

echo "== sqlfluff lint"
uv run sqlfluff lint models

if [[ ",$engines," == *",postgres,"* ]] && ! bash scripts/postgres.sh status >/dev/null 2>&1; then
    bash scripts/postgres.sh start
    trap 'bash scripts/postgres.sh stop' EXIT
fi

echo "== pytest (engines: $engines)"
uv run pytest "$@"
