#!/usr/bin/env bash
# The whole platform on one machine, without Docker. Used by the Makefile:
#   stack.sh up       install what is missing, build, start servers, apps and gateway, wait until healthy
#   stack.sh down     stop everything this project started
#   stack.sh status   one line per component
#   stack.sh test     start the servers the tests need, run every test (Maven, then the admin app's browser
#                     tests), stop what this run started
source "$(dirname "$0")/lib.sh"
BIN="$ROOT/infra/bin"

SERVERS=(postgres redis kafka elasticsearch clickhouse)
declare -A SERVER_PORT=([postgres]=5432 [redis]=6379 [kafka]=9092 [elasticsearch]=9200 [clickhouse]=8123)

up() {
  local started=$SECONDS server
  for server in "${SERVERS[@]}"; do bash "$BIN/$server.sh" start; done
  bash "$BIN/apps.sh" build
  bash "$BIN/admin-ui.sh" build
  bash "$BIN/apps.sh" start
  # An empty store gets a small generated catalogue: the original one is not part of the repository.
  if bash "$BIN/catalog.sh" empty; then bash "$BIN/catalog.sh" demo-data "${DEMO_FILMS:-200}"; fi
  bash "$BIN/gateway.sh" start
  say "platform up in $((SECONDS - started))s"
  cat <<TXT

  Gateway            http://127.0.0.1:8000
  Admin app          http://127.0.0.1:8000/admin/
  Content API        http://127.0.0.1:8000/movies/api/v1/genres      (docs: /movies/api/openapi)
  Catalogue commands http://127.0.0.1:8000/admin/api/v1/genres       (docs: /admin/api/openapi)
  User activity      http://127.0.0.1:8000/ugc/api/v1/               (docs: /ugc/api/openapi)
  Elasticsearch      http://127.0.0.1:9200    ClickHouse http://127.0.0.1:8123    Kafka 127.0.0.1:9092
  Logs               $LOG_DIR

TXT
}

down() {
  local i
  bash "$BIN/gateway.sh" stop
  bash "$BIN/apps.sh" stop
  for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do bash "$BIN/${SERVERS[i]}.sh" stop; done
}

status() {
  local server
  for server in "${SERVERS[@]}"; do bash "$BIN/$server.sh" status; done
  bash "$BIN/apps.sh" status
  bash "$BIN/gateway.sh" status
}

test() {
  local server
  # Stop only what this run started, whatever way the run ends (a server that fails to start included). Global,
  # because the trap runs after this function has returned.
  STARTED_HERE=()
  trap 'for s in "${STARTED_HERE[@]}"; do bash "$BIN/$s.sh" stop || true; done' EXIT
  for server in "${SERVERS[@]}"; do
    if port_open "${SERVER_PORT[$server]}"; then
      # The machine's PostgreSQL still needs our settings (connections, autovacuum) and databases.
      [[ $server == postgres ]] && bash "$BIN/postgres.sh" start
      continue
    fi
    STARTED_HERE+=("$server")
    bash "$BIN/$server.sh" start
  done
  fresh_test_data
  (cd "$ROOT" && mvn -B verify)
  # The admin app in a real browser, against the apps just built, on ports and stores of the tests' own.
  bash "$BIN/admin-ui.sh" test
}

# Each run starts from empty test stores: tests keep their data apart by unique ids within a run, and a
# fresh store per run means no schema history or processor token is left over from an older checkout.
fresh_test_data() {
  say "resetting the test stores (PostgreSQL cinema_test, Elasticsearch test_*, ClickHouse cinema_test)"
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
    -c 'DROP DATABASE IF EXISTS cinema_test WITH (FORCE)' -c 'CREATE DATABASE cinema_test'
  curl -fsS -o /dev/null -XDELETE '127.0.0.1:9200/test_*?expand_wildcards=all'
  curl -fsS -o /dev/null '127.0.0.1:8123/' --data-binary 'DROP DATABASE IF EXISTS cinema_test SYNC'
}

case ${1:-status} in
  up|down|status|test) "$1" ;;
  *) die "usage: stack.sh up|down|status|test" ;;
esac
