#!/usr/bin/env bash
# The platform's three Spring Boot apps, run from their built jars.
#   apps.sh build                 package every module (tests skipped: `make test` runs them)
#   apps.sh start|stop|status [APP...]
# A second set of apps (the browser tests' run against the test stores) sets, per app, <APP>_PORT and <APP>_ARGS
# (extra Spring arguments), e.g. QUERY_SIDE_PORT=18182 QUERY_SIDE_ARGS='--cinema.search.index-prefix=test_', and its
# own CINEMA_DATA_DIR for pids, logs and keys.
source "$(dirname "$0")/lib.sh"

declare -A PORT=([command-side]=${COMMAND_SIDE_PORT:-8081} [query-side]=${QUERY_SIDE_PORT:-8082}
                 [ugc-projection]=${UGC_PROJECTION_PORT:-8083})
ALL_APPS=(command-side query-side ugc-projection)
VERSION=0.1.0-SNAPSHOT

jar_of() { echo "$ROOT/$1/target/$1-$VERSION.jar"; }

build() {
  say "building the platform (mvn package, tests skipped)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
}

ready() { curl -fsS "http://127.0.0.1:${PORT[$1]}/actuator/health/readiness" >/dev/null; }

start_app() {
  local app=$1
  if running "$app"; then return 0; fi
  port_open "${PORT[$app]}" && die "port ${PORT[$app]} is taken by a process that is not our $app"
  [[ -f $(jar_of "$app") ]] || build
  # Run a copy: a later build replaces target/*.jar, and a running JVM must keep reading the jar it started from.
  mkdir -p "$DATA_DIR/apps"
  cp "$(jar_of "$app")" "$DATA_DIR/apps/$app.jar"
  # CINEMA_DATA_DIR: where command-side generates (once) and finds its token signing key.
  local args_var; args_var="$(tr 'a-z-' 'A-Z_' <<<"$app")_ARGS"
  # shellcheck disable=SC2086 # the extra arguments are words on purpose
  CINEMA_DATA_DIR="$DATA_DIR" spawn "$app" java ${JAVA_OPTS:--Xmx512m} -jar "$DATA_DIR/apps/$app.jar" \
    --server.port="${PORT[$app]}" ${!args_var:-}
  say "$app starting on port ${PORT[$app]} (log: $LOG_DIR/$app.log)"
}

start() {
  local apps=("$@") app
  [[ $# -gt 0 ]] || apps=("${ALL_APPS[@]}")
  # command-side first: it migrates the event store schema that query-side reads. The others start together.
  for app in "${apps[@]}"; do
    start_app "$app"
    if [[ $app == command-side ]]; then await "$app"; fi
  done
  for app in "${apps[@]}"; do
    if [[ $app != command-side ]]; then await "$app"; fi
  done
}

await() {
  wait_for "$1" 240 ready "$1"
  say "$1 ready"
}

stop() {
  local apps=("$@") app
  [[ $# -gt 0 ]] || apps=("${ALL_APPS[@]}")
  for app in "${apps[@]}"; do stop_pid "$app" 30; done
}

status() {
  local app
  for app in "${ALL_APPS[@]}"; do status_line "$app" "${PORT[$app]}"; done
}

cmd=${1:-status}; shift || true
case $cmd in
  build) build ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status ;;
  *) die "usage: apps.sh build|start|stop|status [APP...]" ;;
esac
