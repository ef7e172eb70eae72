#!/usr/bin/env bash
# A real ClickHouse 26.7 on 127.0.0.1: HTTP 8123, native 9000.
# The engine is chDB's libchdb.so from the npm package @chdb/lib-linux-x64-gnu (ClickHouse 26.7.2.1 as a library);
# a ~20-line C launcher calls its chdb_query_cmdline(), i.e. the full clickhouse-local, with a query that starts
# the HTTP and TCP listeners and then sleeps forever. Install, config, data and logs live in $DATA_DIR/clickhouse.
#
# usage: infra/bin/clickhouse.sh install|start|stop|restart|status|query SQL
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=clickhouse
HTTP_PORT=8123
TCP_PORT=9000
NPM_PACKAGE="@chdb/lib-linux-x64-gnu@26.7.3-stable.1"
SRC="$ROOT/infra/clickhouse"
CH_DIR="$DATA_DIR/clickhouse"
LIB_DIR="$CH_DIR/lib"
LIB="$LIB_DIR/libchdb.so"
LAUNCHER="$CH_DIR/clickhouse-launcher"
CONFIG="$CH_DIR/config.xml"
SERVER_QUERY_ID=cinema-clickhouse-server
SERVER_QUERY="SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; SELECT sleepEachRow(1) FROM system.numbers SETTINGS max_block_size=1 FORMAT Null"
START_TIMEOUT=60

# ---------------------------------------------------------------------------------------------- install

ensure_tools() {
  local need=()
  command -v gcc >/dev/null 2>&1 || need+=(gcc)
  command -v nm >/dev/null 2>&1 || need+=(binutils)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v npm >/dev/null 2>&1 || need+=(npm)
  ((${#need[@]} == 0)) || apt_install "${need[@]}"
}

# libchdb.so is 566 MB unpacked: it is fetched with npm pack (npm's cache makes repeats fast) and only the
# library is extracted. A marker file records which package version the library came from.
install_lib() {
  if [[ -f $LIB && "$(cat "$LIB_DIR/PACKAGE" 2>/dev/null)" == "$NPM_PACKAGE" ]]; then return 0; fi
  local tmp="$CH_DIR/download.tmp" tgz
  rm -rf "$tmp" && mkdir -p "$tmp" "$LIB_DIR"
  say "clickhouse: fetching $NPM_PACKAGE from the npm registry (177 MB)"
  tgz=$(cd "$tmp" && npm pack --silent "$NPM_PACKAGE" | tail -n 1)
  [[ -n $tgz && -f $tmp/$tgz ]] || die "clickhouse: npm pack $NPM_PACKAGE failed"
  say "clickhouse: extracting libchdb.so"
  tar -xzmf "$tmp/$tgz" -C "$tmp" package/libchdb.so || die "clickhouse: $tgz has no package/libchdb.so"
  mv "$tmp/package/libchdb.so" "$LIB"
  echo "$NPM_PACKAGE" >"$LIB_DIR/PACKAGE"
  rm -rf "$tmp"
}

# The launcher is rebuilt when missing or older than launcher.c or the library.
build_launcher() {
  if [[ -x $LAUNCHER && $LAUNCHER -nt $SRC/launcher.c && $LAUNCHER -nt $LIB ]]; then return 0; fi
  nm -D --defined-only "$LIB" | grep -qw chdb_query_cmdline \
    || die "clickhouse: $LIB does not export chdb_query_cmdline"
  say "clickhouse: compiling $LAUNCHER"
  gcc -O2 -Wall -o "$LAUNCHER.tmp" "$SRC/launcher.c" -L"$LIB_DIR" -l:libchdb.so -Wl,-rpath,"$LIB_DIR" \
    || die "clickhouse: gcc failed"
  mv "$LAUNCHER.tmp" "$LAUNCHER"
}

# render TEMPLATE TARGET: substitutes @CH_DIR@, writes TARGET only when its content changes.
render() {
  local tmp="$2.tmp"
  sed -e "s#@CH_DIR@#$CH_DIR#g" "$1" >"$tmp"
  if cmp -s "$tmp" "$2"; then rm -f "$tmp"; else mv "$tmp" "$2"; say "clickhouse: wrote $2"; fi
}

install() {
  mkdir -p "$CH_DIR/data" "$CH_DIR/logs"
  ensure_tools
  install_lib
  build_launcher
  render "$SRC/config.xml" "$CONFIG"
  render "$SRC/users.xml" "$CH_DIR/users.xml"
}

# ---------------------------------------------------------------------------------------------- run

# http_query SQL: runs SQL over HTTP, prints the result.
http_query() {
  curl -sS --fail-with-body --max-time "${CURL_TIMEOUT:-30}" --data-binary "$1" "http://127.0.0.1:$HTTP_PORT/"
}

answers() { [[ "$(curl -s --max-time 2 "http://127.0.0.1:$HTTP_PORT/?query=SELECT%201")" == 1 ]]; }

start() {
  if running "$NAME"; then
    say "clickhouse: already running (pid $(cat "$(pid_file "$NAME")"))"
    return 0
  fi
  port_open "$HTTP_PORT" && die "clickhouse: port $HTTP_PORT is taken by a process this script did not start"
  port_open "$TCP_PORT" && die "clickhouse: port $TCP_PORT is taken by a process this script did not start"
  install
  say "clickhouse: starting"
  local t0=$SECONDS i
  # From CH_DIR, so that nothing clickhouse-local might write relative to its working directory lands elsewhere.
  (cd "$CH_DIR" && spawn "$NAME" "$LAUNCHER" --config-file="$CONFIG" --log-level=information \
    --query_id="$SERVER_QUERY_ID" --query "$SERVER_QUERY")
  for ((i = 0; i < START_TIMEOUT * 4; i++)); do
    running "$NAME" || die "clickhouse: process exited during start-up (see $LOG_DIR/clickhouse.log)"
    if answers; then
      port_open "$TCP_PORT" || die "clickhouse: HTTP answers but native port $TCP_PORT is closed"
      say "clickhouse: ready on 127.0.0.1:$HTTP_PORT (native $TCP_PORT) after $((SECONDS - t0))s (pid $(cat "$(pid_file "$NAME")"))"
      return 0
    fi
    sleep 0.25
  done
  stop
  die "clickhouse: not ready within ${START_TIMEOUT}s (see $LOG_DIR/clickhouse.log)"
}

stop() {
  if ! running "$NAME"; then
    rm -f "$(pid_file "$NAME")"
    say "clickhouse: not running"
    return 0
  fi
  local pid i
  pid=$(cat "$(pid_file "$NAME")")
  # Cancelling the keep-alive query ends clickhouse-local cleanly (parts flushed, listeners closed).
  CURL_TIMEOUT=15 http_query "KILL QUERY WHERE query_id='$SERVER_QUERY_ID' SYNC" >/dev/null 2>&1 || true
  for ((i = 0; i < 75; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$(pid_file "$NAME")"
      say "clickhouse stopped"
      return 0
    fi
    sleep 0.2
  done
  say "clickhouse: still alive 15s after KILL QUERY, sending SIGTERM"
  stop_pid "$NAME" 30
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status_line "$NAME" "$HTTP_PORT" ;;
  query) shift; running "$NAME" || die "clickhouse: not running"; http_query "$*" ;;
  *) echo "usage: $0 install|start|stop|restart|status|query SQL" >&2; exit 2 ;;
esac
