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
# the dashboard's browser test needs Chromium: installed beside the lint and the demo build
mkdir -p target
bash scripts/chromium.sh > target/chromium_install.log 2>&1 &
chromium_pid=$!

export DBT_PROFILES_DIR="$PWD"
export LEAD_SCORING_DUCKDB_PATH="$PWD/target/test_demo.duckdb"
rm -f "$LEAD_SCORING_DUCKDB_PATH"

echo "== ruff"
uv run ruff check src tests benchmarks
uv run ruff format --check src tests benchmarks

# sqlfluff compiles the models on a database and target folder of its own, beside the demo
# build (each keeps about one core busy); its report is printed after the build's
lint_dir="$(mktemp -d)"
LEAD_SCORING_DUCKDB_PATH="$lint_dir/lint.duckdb" DBT_TARGET_PATH="$lint_dir/target" \
    uv run sqlfluff lint models --processes 2 >"$lint_dir/report" 2>&1 &
lint_pid=$!

echo "== dbt build (demo data, as of 2026-03-15)"
uv run dbt build --vars '{as_of: "2026-03-15"}'

echo "== sqlfluff lint"
lint_status=0
wait "$lint_pid" || lint_status=$?
cat "$lint_dir/report"
rm -rf "$lint_dir"
[ "$lint_status" -eq 0 ]
wait "$chromium_pid" || { cat target/chromium_install.log; exit 1; }

if [[ ",$engines," == *",postgres,"* ]] && ! bash scripts/postgres.sh status >/dev/null 2>&1; then
    bash scripts/postgres.sh start
    trap 'bash scripts/postgres.sh stop' EXIT
fi

# the CRM adapters (models/staging/<crm>/) are enabled only with crm_source: each is linted
# with it set, beside pytest (its report follows pytest's)
crm_lint_dir="$(mktemp -d)"
(
    for crm in hubspot salesforce marketo; do
        printf '[sqlfluff:templater:dbt:context]\ncrm_source = %s\n' "$crm" >"$crm_lint_dir/$crm.cfg"
        paths=("models/staging/$crm")
        [ "$crm" = hubspot ] && paths+=(models/marts/data_quality)
        LEAD_SCORING_DUCKDB_PATH="$crm_lint_dir/lint.duckdb" DBT_TARGET_PATH="$crm_lint_dir/target" \
            uv run sqlfluff lint "${paths[@]}" --config "$crm_lint_dir/$crm.cfg" || exit 1
    done
) >"$crm_lint_dir/report" 2>&1 &
crm_lint_pid=$!

echo "== pytest (engines: $engines)"
pytest_status=0
uv run pytest "$@" || pytest_status=$?

echo "== sqlfluff lint of the CRM adapters"
crm_lint_status=0
wait "$crm_lint_pid" || crm_lint_status=$?
cat "$crm_lint_dir/report"
rm -rf "$crm_lint_dir"
[ "$pytest_status" -eq 0 ] && [ "$crm_lint_status" -eq 0 ]
