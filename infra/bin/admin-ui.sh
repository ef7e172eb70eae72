#!/usr/bin/env bash
# The admin single-page app (admin-ui/: React + react-admin, built with Vite).
#   admin-ui.sh build     npm ci (when the lock file changed) and vite build into admin-ui/dist
#   admin-ui.sh test      the browser tests: the three apps and a gateway on ports of their own (18081-18083,
#                         18000) against the TEST stores, a seeded admin, Playwright driving Debian's Chromium;
#                         stops what it started however the run ends. Screenshots in admin-ui/test-results/.
# The test stores can be moved for a parallel run: BROWSER_TEST_DB, BROWSER_TEST_INDEX_PREFIX,
# BROWSER_TEST_CACHE_PREFIX, BROWSER_TEST_CLICKHOUSE_DB, BROWSER_TEST_KAFKA_TOPIC, BROWSER_TEST_PORT_BASE.
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

test() {
  local db=${BROWSER_TEST_DB:-cinema_test} base=${BROWSER_TEST_PORT_BASE:-18000}
  local jwks="http://127.0.0.1:$((base + 81))/auth/.well-known/jwks.json" status=0
  browser
  build
  # Pids, logs and signing keys of this second set of apps live apart from the live stack's.
  export CINEMA_DATA_DIR="$DATA_DIR/browser-tests"
  export GATEWAY_PORT=$base COMMAND_SIDE_PORT=$((base + 81)) QUERY_SIDE_PORT=$((base + 82)) UGC_PROJECTION_PORT=$((base + 83))
  export COMMAND_SIDE_ADDR=127.0.0.1:$COMMAND_SIDE_PORT QUERY_SIDE_ADDR=127.0.0.1:$QUERY_SIDE_PORT \
    UGC_PROJECTION_ADDR=127.0.0.1:$UGC_PROJECTION_PORT
  export COMMAND_SIDE_ARGS="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db"
  export QUERY_SIDE_ARGS="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=query_side,public
    --cinema.search.index-prefix=${BROWSER_TEST_INDEX_PREFIX:-test_}
    --cinema.cache.key-prefix=${BROWSER_TEST_CACHE_PREFIX:-cinema:browser-test:} --cinema.security.jwks-uri=$jwks"
  export UGC_PROJECTION_ARGS="--ugc.clickhouse.database=${BROWSER_TEST_CLICKHOUSE_DB:-cinema_test}
    --ugc.kafka.topic=${BROWSER_TEST_KAFKA_TOPIC:-ugc-events-test}
    --spring.kafka.consumer.group-id=ugc-projection-browser-test --cinema.security.jwks-uri=$jwks"
  trap 'bash "$BIN/gateway.sh" stop || true; bash "$BIN/apps.sh" stop || true' EXIT
  bash "$BIN/apps.sh" start
  bash "$BIN/gateway.sh" start
  local email="browser-test-admin@example.com" password
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  EMAIL=$email PASSWORD=$password SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    bash "$BIN/superuser.sh" >/dev/null
  say "running the browser tests against http://127.0.0.1:$base/admin/"
  rm -rf "$UI/test-results"
  (cd "$UI" && ADMIN_URL="http://127.0.0.1:$base/admin/" ADMIN_EMAIL=$email ADMIN_PASSWORD=$password \
    node --test --test-concurrency=1 --test-reporter=spec tests/) || status=$?
  say "screenshots: $(cd "$UI" && ls test-results/*.png 2>/dev/null | tr '\n' ' ')"
  return "$status"
}

case ${1:-} in
  build|browser|test) "$1" ;;
  *) die "usage: admin-ui.sh build|browser|test" ;;
esac
