#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (docs/postgres.md).
#
#   scripts/pg-test-cluster.sh start   # prints: export SHAKEOUT_TEST_PG_URL=postgres://...
#   scripts/pg-test-cluster.sh stop
#
# The cluster lives in a temporary folder (PG_TEST_DIR, default
# /tmp/shakeout-pg-$PG_TEST_PORT), listens on 127.0.0.1 only, on PG_TEST_PORT
# (default 54329), with trust authentication for loopback connections: it is
# for tests, never for data. initdb and pg_ctl refuse to run as root, so when
# run as root they run as the user postgres (Debian's package creates it).
# Stop removes the folder.
set -euo pipefail

port="${PG_TEST_PORT:-54329}"
dir="${PG_TEST_DIR:-/tmp/shakeout-pg-$port}"

bin_of() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$found" ]; then
    echo "pg-test-cluster: $1 not found: install PostgreSQL (apt-get install -y postgresql)" >&2
    exit 1
  fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pg-test-cluster: running as root needs the user postgres (apt-get install -y postgresql creates it)" >&2; exit 1; }
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    initdb="$(bin_of initdb)"
    pg_ctl="$(bin_of pg_ctl)"
    if [ -f "$dir/data/postmaster.pid" ]; then
      echo "pg-test-cluster: a cluster is already running in $dir (stop it first)" >&2
      exit 1
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # loopback only; the socket in the cluster's folder, so nothing else is touched
    as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export SHAKEOUT_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$(bin_of pg_ctl)" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop   (PG_TEST_PORT, default 54329; PG_TEST_DIR)" >&2
    exit 2
    ;;
esac
