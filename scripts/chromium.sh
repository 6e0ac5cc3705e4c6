#!/usr/bin/env bash
# Installs Chromium (the Debian package) for the dashboard's browser test when it is missing.
# Idempotent: with /usr/bin/chromium present it only checks.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
echo "chromium.sh: installing chromium (Debian package)"
sudo_prefix=""
[ "$(id -u)" = 0 ] || sudo_prefix="sudo"
$sudo_prefix apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_prefix apt-get install -y -qq chromium >/dev/null
