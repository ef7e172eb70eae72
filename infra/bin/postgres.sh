#!/usr/bin/env bash
# PostgreSQL 15 from Debian: the event store, token store and identity tables.
# Machines of this kind already run it; then `start` only makes sure our databases exist and `stop` leaves it alone.
source "$(dirname "$0")/lib.sh"

PG_VERSION=15
MARKER="$PID_DIR/postgres.started-by-us"
DATABASES=(cinema cinema_test)
# Three apps, their test contexts, a second set of apps for the browser tests and the benchmarks' clients:
# Debian's default of 100 runs out (FATAL: sorry, too many clients already).
MAX_CONNECTIONS=300

psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

install() {
  apt_install "postgresql-$PG_VERSION"
  local hba="/etc/postgresql/$PG_VERSION/main/pg_hba.conf"
  # Local development only: loopback connections without a password, as on the provided machines.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main reload 2>/dev/null || true
  fi
}

ensure_databases() {
  local db
  for db in "${DATABASES[@]}"; do
    [[ $(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'") == 1 ]] \
      || { psql_admin -d postgres -c "CREATE DATABASE $db" && say "created database $db"; }
  done
}

# max_connections needs a restart: done once, when the server runs with fewer (the machine's own server included).
# autovacuum (a reload): some machines switch it off, and without it no table of ours ever gets statistics, so
# the projections' lookups turn into whole-table scans as the catalogue grows.
ensure_settings() {
  local current
  if [[ $(psql_admin -d postgres -c 'SHOW autovacuum') != on ]]; then
    psql_admin -d postgres -c 'ALTER SYSTEM SET autovacuum = on' -c 'SELECT pg_reload_conf()' >/dev/null
    say "postgres: autovacuum switched on"
  fi
  current=$(psql_admin -d postgres -c 'SHOW max_connections')
  (( current >= MAX_CONNECTIONS )) && return
  psql_admin -d postgres -c "ALTER SYSTEM SET max_connections = $MAX_CONNECTIONS"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main restart
  wait_for postgres 30 psql_admin -d postgres -c 'SELECT 1'
  say "postgres restarted with max_connections $MAX_CONNECTIONS (was $current)"
}

start() {
  if ! port_open 5432; then
    install
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
    touch "$MARKER"
    wait_for postgres 30 psql_admin -d postgres -c 'SELECT 1'
    say "postgres started"
  fi
  ensure_settings
  ensure_databases
}

stop() {
  if [[ -f $MARKER ]]; then
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main stop && rm -f "$MARKER"
    say "postgres stopped"
  fi
}

status() {
  local pid="-"
  pid=$(head -1 "/var/run/postgresql/$PG_VERSION-main.pid" 2>/dev/null || echo -)
  printf '%-16s %-5s port %-6s pid %s\n' postgres "$(port_open 5432 && echo up || echo down)" 5432 "$pid"
}

"${1:-status}"
