#!/usr/bin/env bash
# The main job on the embedded default (DuckDB): install, generate the demo data, score it
# as of 2026-03-15 with `dbt build`, and print the summary. Extra arguments go to
# `lead-scoring demo` (e.g. --as-of 2026-02-01).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec uv run lead-scoring demo "$@"
