#!/usr/bin/env bash
# The X Education evaluation (README "Real data: X Education"): install, map Leads.csv to raw
# files, learn a scorecard next to the hand one of examples/x_education, and print both against
# a logistic regression on the same held-out leads. Arguments go to benchmarks/x_education.py
# (--csv PATH, default ../shared/datasets/x_education/Leads.csv; --work DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec uv run python benchmarks/x_education.py "$@"
