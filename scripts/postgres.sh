#!/usr/bin/env bash
# A throwaway PostgreSQL server for the `postgres` target: `scripts/postgres.sh start|stop|status`.
# start: installs the Debian packages if missing, creates a cluster in target/postgres (owned by
# the `postgres` system user, as initdb refuses root), listens on 127.0.0.1 only, trusts local
# connections, and creates the database. Idempotent: starting a running server only checks it.
# Settings: LEAD_SCORING_PG_PORT (55432), LEAD_SCORING_PG_DATABASE (lead_scoring),
# LEAD_SCORING_PG_DIR (target/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${LEAD_SCORING_PG_PORT:-55432}"
database="${LEAD_SCORING_PG_DATABASE:-lead_scoring}"
dir="$(realpath -m "${LEAD_SCORING_PG_DIR:-target/postgres}")"
data="$dir/data"

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install_if_missing() {
    if [ -z "$(find_bin)" ]; then
        echo "postgres.sh: installing PostgreSQL (Debian packages)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
}

start() {
    install_if_missing
    bin="$(find_bin)"
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir "$dir" postgres
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$data/PG_VERSION" ]; then
        as_postgres "$bin/initdb" --pgdata "$data" --username postgres --auth trust \
            --encoding UTF8 --locale C.UTF-8 >"$dir/initdb.log"
    fi
    if ! as_postgres "$bin/pg_ctl" --pgdata "$data" status >/dev/null 2>&1; then
        if ! as_postgres "$bin/pg_ctl" --pgdata "$data" --log "$dir/server.log" --wait \
            --options "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null; then
            echo "postgres.sh: the server in $data did not start on port $port" \
                "(another server on that port? set LEAD_SCORING_PG_PORT); $dir/server.log ends:" >&2
            tail -n 5 "$dir/server.log" >&2
            exit 1
        fi
    fi
    if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1; then
        "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "create database \"$database\""
    fi
    echo "postgres.sh: PostgreSQL on 127.0.0.1:$port, database $database"
}

stop() {
    bin="$(find_bin)"
    if [ -n "$bin" ] && [ -f "$data/PG_VERSION" ]; then
        as_postgres "$bin/pg_ctl" --pgdata "$data" --mode fast stop >/dev/null 2>&1 || true
    fi
    echo "postgres.sh: stopped"
}

status() {
    bin="$(find_bin)"
    [ -n "$bin" ] && as_postgres "$bin/pg_ctl" --pgdata "$data" status
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: scripts/postgres.sh start|stop|status" >&2; exit 2 ;;
esac
