#!/usr/bin/env bash
# Elasticsearch 8.18 on this machine, for development and tests: elasticsearch.sh {install|start|stop|status}
#
# The server is Elastic's minimal distribution from Maven Central (integ-test-zip: the real server with only the
# transport-netty4 and x-pack core/security modules) plus the project's plugin (infra/elasticsearch-plugin), which
# adds what the platform needs from the missing modules: GET /, the english/russian analyzers, the stemmer filter
# and _delete_by_query. It runs as the system user `elasticsearch` (the server refuses root), binds 127.0.0.1,
# and keeps install, data and logs under $DATA_DIR/elasticsearch.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ES_VERSION=8.18.0                     # = elasticsearch-server.version in the root pom.xml
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
ES_USER=elasticsearch
ES_PORT=9200
ES_URL="http://127.0.0.1:$ES_PORT"
ES_JDK=${ES_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
ES_BASE="$DATA_DIR/elasticsearch"
ES_HOME="$ES_BASE/elasticsearch-$ES_VERSION"
ES_OWN_PID="$ES_BASE/run/elasticsearch.pid"   # written by the server itself, as $ES_USER
PLUGIN_NAME=cinema-analysis
PLUGIN_MODULE="$ROOT/infra/elasticsearch-plugin"
PLUGIN_SUM="$ES_BASE/.plugin.sha256"          # checksum of the zip that is installed
LOG="$LOG_DIR/elasticsearch.log"

ensure_user() {
  id -u "$ES_USER" >/dev/null 2>&1 && return 0
  say "creating system user $ES_USER"
  useradd --system --user-group --no-create-home --home-dir "$ES_BASE" --shell /usr/sbin/nologin "$ES_USER"
}

# The server reads its install and writes its data as $ES_USER: every folder above $ES_BASE must let it pass.
check_traversable() {
  local dir="" part parts
  IFS=/ read -ra parts <<<"${DATA_DIR#/}"
  for part in "${parts[@]}"; do   # from the top down, so the message names the folder that blocks
    dir="$dir/$part"
    if ! runuser -u "$ES_USER" -- test -x "$dir"; then
      die "user $ES_USER cannot enter $dir (mode $(stat -c %A "$dir")): run 'chmod o+x $dir', or set CINEMA_DATA_DIR to a folder outside it"
    fi
  done
}

install_distribution() {
  [[ -x $ES_HOME/bin/elasticsearch ]] && return 0
  apt_install unzip
  say "fetching Elasticsearch $ES_VERSION ($ES_ARTIFACT) through Maven"
  local tmp="$ES_BASE/download"
  rm -rf "$tmp" && mkdir -p "$tmp"
  # Run outside the project (no pom here): the copy goal then needs no project; the zip lands in ~/.m2 as well.
  (cd "$tmp" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$tmp" >>"$LOG" 2>&1) || die "could not fetch $ES_ARTIFACT"
  # unzip, not jar: it keeps the executable bits of bin/.
  unzip -q "$tmp/elasticsearch-$ES_VERSION.zip" -d "$tmp/unpacked"
  mv "$tmp/unpacked/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
}

# render SOURCE TARGET: the template with @ES_BASE@ filled in, written only when it differs.
render() {
  local text; text=$(sed "s|@ES_BASE@|$ES_BASE|g" "$1")
  if [[ ! -f $2 ]] || [[ $(cat "$2") != "$text" ]]; then
    printf '%s\n' "$text" >"$2"
    say "wrote $2"
  fi
}

install_config() {
  mkdir -p "$ES_BASE/data" "$ES_BASE/logs" "$ES_BASE/tmp" "$ES_BASE/run"
  render "$ROOT/infra/elasticsearch/elasticsearch.yml" "$ES_HOME/config/elasticsearch.yml"
  render "$ROOT/infra/elasticsearch/jvm.options.d/cinema.options" "$ES_HOME/config/jvm.options.d/cinema.options"
}

# The built zip, or nothing (and success) when the module was never built: callers run under errexit.
plugin_zip() {
  local zips=("$PLUGIN_MODULE"/target/elasticsearch-plugin-*.zip)
  if [[ -f ${zips[0]} ]]; then echo "${zips[0]}"; fi
}

install_plugin() {
  local zip; zip=$(plugin_zip)
  # Rebuild when the zip is missing or any source of the module is newer. The module pom is built on its own
  # (its parent is found through relativePath), so a module of the reactor that is missing or broken does not stop it.
  if [[ -z $zip ]] || [[ -n $(find "$PLUGIN_MODULE/pom.xml" "$PLUGIN_MODULE/src/main" "$PLUGIN_MODULE/src/assembly" -newer "$zip" -print -quit) ]]; then
    say "building the $PLUGIN_NAME plugin"
    mvn -q -B -f "$PLUGIN_MODULE/pom.xml" package -DskipTests >>"$LOG" 2>&1 || die "plugin build failed (see $LOG)"
    zip=$(plugin_zip)
    touch "$zip"   # newer than the sources even if the build found nothing to rewrite
  fi
  local sum; sum=$(sha256sum "$zip" | cut -d' ' -f1)
  if [[ -d $ES_HOME/plugins/$PLUGIN_NAME && -f $PLUGIN_SUM && $(cat "$PLUGIN_SUM") == "$sum" ]]; then
    return 0
  fi
  say "installing the $PLUGIN_NAME plugin ($zip)"
  if [[ -d $ES_HOME/plugins/$PLUGIN_NAME ]]; then
    ES_JAVA_HOME="$ES_JDK" "$ES_HOME/bin/elasticsearch-plugin" remove --purge "$PLUGIN_NAME" >>"$LOG" 2>&1 \
      || die "could not remove the old plugin (see $LOG)"
  fi
  ES_JAVA_HOME="$ES_JDK" "$ES_HOME/bin/elasticsearch-plugin" install --batch "file://$zip" >>"$LOG" 2>&1 \
    || die "plugin install failed (see $LOG)"
  echo "$sum" >"$PLUGIN_SUM"
  if is_running; then say "a new plugin was installed: restart Elasticsearch to load it (stop, then start)"; fi
}

install() {
  [[ -x $ES_JDK/bin/java ]] || apt_install openjdk-17-jdk-headless
  ensure_user
  check_traversable
  mkdir -p "$ES_BASE"
  install_distribution
  install_config
  install_plugin
  # The plugin tool and unzip ran as root; the server writes its keystore, data, logs and pid as $ES_USER.
  if [[ -n $(find "$ES_BASE" ! -user "$ES_USER" -print -quit) ]]; then
    chown -R "$ES_USER:$ES_USER" "$ES_BASE"
  fi
}

# The pid file in $PID_DIR is root's copy of the one the server writes; pick the server's up when ours is gone.
adopt_pid() {
  if ! running elasticsearch && [[ -f $ES_OWN_PID ]] && kill -0 "$(cat "$ES_OWN_PID")" 2>/dev/null; then
    cp "$ES_OWN_PID" "$(pid_file elasticsearch)"
  fi
}

is_running() { adopt_pid; running elasticsearch || port_open "$ES_PORT"; }

healthy() { curl -fsS -m 5 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1; }

start() {
  if is_running; then say "elasticsearch already running"; return 0; fi
  install
  rm -f "$ES_OWN_PID" "$(pid_file elasticsearch)"
  say "starting elasticsearch (logs: $LOG, $ES_BASE/logs)"
  # -d returns once the node has started (or failed). setsid: the server must not belong to this terminal.
  (cd "$ES_HOME" && setsid -w runuser -u "$ES_USER" -- env ES_JAVA_HOME="$ES_JDK" ES_TMPDIR="$ES_BASE/tmp" \
      bin/elasticsearch -d -p "$ES_OWN_PID") >>"$LOG" 2>&1 </dev/null \
    || die "elasticsearch did not start (see $LOG and $ES_BASE/logs/cinema-local.log)"
  [[ -f $ES_OWN_PID ]] || die "elasticsearch wrote no pid file $ES_OWN_PID (see $LOG)"
  cp "$ES_OWN_PID" "$(pid_file elasticsearch)"
  local deadline=$((SECONDS + 120))
  until healthy; do
    ((SECONDS < deadline)) || die "elasticsearch not yellow within 120s (see $ES_BASE/logs/cinema-local.log)"
    running elasticsearch || die "elasticsearch exited (see $LOG and $ES_BASE/logs/cinema-local.log)"
    sleep 1
  done
  # One node: replicas could never be assigned, so new indices get none and the cluster stays green.
  curl -fsS -m 10 -X PUT "$ES_URL/_index_template/cinema-default-replicas" -H 'Content-Type: application/json' \
    -d '{"index_patterns":["*"],"priority":0,"template":{"settings":{"number_of_replicas":0}}}' >/dev/null \
    || die "could not create the default-replicas index template"
  say "elasticsearch up on $ES_URL (pid $(cat "$(pid_file elasticsearch)"))"
}

stop() {
  adopt_pid
  stop_pid elasticsearch 60
  rm -f "$ES_OWN_PID"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) adopt_pid; status_line elasticsearch "$ES_PORT" ;;
  *) echo "usage: $0 {install|start|stop|status}" >&2; exit 2 ;;
esac
