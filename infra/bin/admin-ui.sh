#!/usr/bin/env bash
# The admin single-page app (admin-ui/: React + react-admin, built with Vite).
#   admin-ui.sh build     npm ci (when the lock file changed) and vite build into admin-ui/dist
#   admin-ui.sh test      the browser tests: the three apps and a gateway on ports of their own (18181-18183,
#                         18100) against the TEST stores, a seeded admin, Playwright driving Debian's Chromium;
#                         stops what it started however the run ends. Screenshots in admin-ui/test-results/.
#   admin-ui.sh test-start|test-run|test-stop   the same in steps, to iterate on the tests
# The test stores can be moved for a parallel run: BROWSER_TEST_DB, BROWSER_TEST_INDEX_PREFIX,
# BROWSER_TEST_CACHE_PREFIX, BROWSER_TEST_CLICKHOUSE_DB, BROWSER_TEST_KAFKA_TOPIC, BROWSER_TEST_KAFKA_GROUP,
# BROWSER_TEST_PORT_BASE.
source "$(dirname "$0")/lib.sh"
BIN="$ROOT/infra/bin"
UI="$ROOT/admin-ui"

build() {
  # npm ci only when package-lock.json changed since the last install: it wipes node_modules each time.
  local stamp="$UI/node_modules/.installed-lock"
  if ! cmp -s "$UI/package-lock.json" "$stamp"; then
    say "installing the admin app's packages (npm ci)"
    (cd "$UI" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$UI/package-lock.json" "$stamp"
  fi
  say "building the admin app (vite build)"
  (cd "$UI" && npx vite build --logLevel warn)
}

browser() {
  apt_install chromium
}

# The second set of apps: ports, data folder and test stores, exported for apps.sh, gateway.sh and superuser.sh.
test_env() {
  DB=${BROWSER_TEST_DB:-cinema_test}
  BASE=${BROWSER_TEST_PORT_BASE:-18100}
  local jwks="http://127.0.0.1:$((BASE + 81))/auth/.well-known/jwks.json"
  # Pids, logs and signing keys of this second set of apps live apart from the live stack's.
  export CINEMA_DATA_DIR="$DATA_DIR/browser-tests"
  # Short-lived JVMs: the quick compiler and the serial collector start them sooner on a small machine.
  export JAVA_OPTS=${BROWSER_TEST_JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
  export GATEWAY_PORT=$BASE COMMAND_SIDE_PORT=$((BASE + 81)) QUERY_SIDE_PORT=$((BASE + 82)) UGC_PROJECTION_PORT=$((BASE + 83))
  export COMMAND_SIDE_ADDR=127.0.0.1:$COMMAND_SIDE_PORT QUERY_SIDE_ADDR=127.0.0.1:$QUERY_SIDE_PORT \
    UGC_PROJECTION_ADDR=127.0.0.1:$UGC_PROJECTION_PORT
  # Small connection pools: PostgreSQL's connections are shared with the live stack and other test runs.
  export COMMAND_SIDE_ARGS="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB
    --spring.datasource.hikari.maximum-pool-size=8"
  export QUERY_SIDE_ARGS="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=query_side,public
    --spring.datasource.hikari.maximum-pool-size=6
    --cinema.search.index-prefix=${BROWSER_TEST_INDEX_PREFIX:-test_}
    --cinema.cache.key-prefix=${BROWSER_TEST_CACHE_PREFIX:-cinema:browser-test:} --cinema.security.jwks-uri=$jwks"
  export UGC_PROJECTION_ARGS="--ugc.clickhouse.database=${BROWSER_TEST_CLICKHOUSE_DB:-cinema_test}
    --ugc.kafka.topic=${BROWSER_TEST_KAFKA_TOPIC:-ugc-events-test}
    --spring.kafka.consumer.group-id=${BROWSER_TEST_KAFKA_GROUP:-ugc-projection-test} --cinema.security.jwks-uri=$jwks"
  ADMIN_FILE="$CINEMA_DATA_DIR/admin.env"
}

# Starts the apps and the gateway for the browser tests and seeds an admin (credentials in $ADMIN_FILE).
test_start() {
  test_env
  local email="browser-test-admin@example.com" password seeding
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  bash "$BIN/apps.sh" start command-side
  # The superuser CLI (a JVM of its own) runs while the other two apps start: the schema is command-side's.
  EMAIL=$email PASSWORD=$password SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    bash "$BIN/superuser.sh" >"$CINEMA_DATA_DIR/logs/superuser.log" 2>&1 &
  seeding=$!
  bash "$BIN/apps.sh" start query-side ugc-projection
  bash "$BIN/gateway.sh" start
  wait "$seeding" || die "seeding the admin failed (log: $CINEMA_DATA_DIR/logs/superuser.log)"
  printf 'ADMIN_EMAIL=%q\nADMIN_PASSWORD=%q\n' "$email" "$password" >"$ADMIN_FILE"
}

test_stop() {
  test_env
  bash "$BIN/gateway.sh" stop || true
  bash "$BIN/apps.sh" stop || true
}

# Runs the Playwright tests against the started apps; each test leaves a screenshot in admin-ui/test-results/.
test_run() {
  test_env
  source "$ADMIN_FILE"
  say "running the browser tests against http://127.0.0.1:$BASE/admin/"
  rm -rf "$UI/test-results"
  local status=0
  (cd "$UI" && ADMIN_URL="http://127.0.0.1:$BASE/admin/" ADMIN_EMAIL=$ADMIN_EMAIL ADMIN_PASSWORD=$ADMIN_PASSWORD \
    node --test --test-reporter=spec tests/admin.test.js) || status=$?
  say "screenshots: $(cd "$UI" && ls test-results/*.png 2>/dev/null | tr '\n' ' ')"
  return "$status"
}

test() {
  browser
  build
  trap test_stop EXIT
  test_start
  test_run
}

case ${1:-} in
  build|browser|test) "$1" ;;
  test-start|test-run|test-stop) "${1/-/_}" ;;
  *) die "usage: admin-ui.sh build|browser|test|test-start|test-run|test-stop" ;;
esac
