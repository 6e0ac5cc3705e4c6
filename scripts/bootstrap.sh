#!/usr/bin/env bash
# Installs everything the project needs into .venv, from the locked versions in uv.lock.
# Idempotent: a second run only checks. Needs python3 (3.11) with pip on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
if ! command -v uv >/dev/null 2>&1 || [ "$(uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
    python3 -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
uv sync --frozen --quiet
