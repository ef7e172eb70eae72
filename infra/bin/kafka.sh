#!/usr/bin/env bash
# A real Kafka 3.9.1 broker (KRaft, broker+controller in one JVM) on 127.0.0.1:9092 (controller 9093).
# The jars come from Maven Central through infra/kafka/pom.xml; config, data and logs live in $DATA_DIR/kafka.
#
# usage: infra/bin/kafka.sh install|start|stop|restart|status|topics [TopicCommand args...]
#   topics             lists topics
#   topics ARGS...     runs org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 ARGS...
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=kafka
PORT=9092
CONTROLLER_PORT=9093
SRC="$ROOT/infra/kafka"
KDIR="$DATA_DIR/kafka"
CP_FILE="$KDIR/classpath.txt"
PROPS="$KDIR/server.properties"
LOG4J="$KDIR/log4j.properties"
TOOLS_LOG4J="$SRC/tools-log4j.properties"
START_TIMEOUT=90

# ---------------------------------------------------------------------------------------------- install

ensure_tools() {
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

# The classpath is (re)built when it is missing, older than the pom, or names a jar that is gone.
classpath_ok() {
  [[ -s $CP_FILE && $CP_FILE -nt $SRC/pom.xml ]] || return 1
  local jar
  local IFS=:
  for jar in $(cat "$CP_FILE"); do [[ -f $jar ]] || return 1; done
}

build_classpath() {
  classpath_ok && return 0
  say "kafka: resolving kafka_2.13 3.9.1 jars from Maven Central"
  # mvn -q prints nothing useful on success (only colour codes), so its output is shown only on failure.
  if ! mvn -q -B -f "$SRC/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE.tmp" \
      >"$LOG_DIR/kafka-install.log" 2>&1; then
    cat "$LOG_DIR/kafka-install.log" >&2
    die "kafka: mvn dependency:build-classpath failed (log: $LOG_DIR/kafka-install.log)"
  fi
  mv "$CP_FILE.tmp" "$CP_FILE"
}

# render TEMPLATE TARGET: substitutes @DATA_DIR@, writes TARGET only when its content changes.
render() {
  local tmp="$2.tmp"
  sed -e "s#@DATA_DIR@#$DATA_DIR#g" "$1" >"$tmp"
  if cmp -s "$tmp" "$2"; then rm -f "$tmp"; else mv "$tmp" "$2"; say "kafka: wrote $2"; fi
}

kjava() { java -Dlog4j.configuration="file:$TOOLS_LOG4J" -cp "$(cat "$CP_FILE")" "$@"; }

format_storage() {
  [[ -f $KDIR/data/meta.properties ]] && return 0
  local id
  id=$(kjava kafka.tools.StorageTool random-uuid | tail -n 1)
  [[ -n $id ]] || die "kafka: StorageTool random-uuid printed nothing"
  say "kafka: formatting storage in $KDIR/data (cluster id $id)"
  kjava kafka.tools.StorageTool format -t "$id" -c "$PROPS" >&2 || die "kafka: storage format failed"
}

install() {
  ensure_tools
  mkdir -p "$KDIR/data" "$KDIR/logs"
  build_classpath
  render "$SRC/server.properties.template" "$PROPS"
  render "$SRC/log4j.properties.template" "$LOG4J"
  format_storage
}

# ---------------------------------------------------------------------------------------------- run

# broker_answers: sends a Kafka ApiVersions v0 request (api key 18, correlation id 7) to 127.0.0.1:9092 and
# checks the response header: correlation id 7 and error code 0. Pure bash, so it costs no JVM start; the
# broker only serves requests once it has joined the quorum and been unfenced, so an answer means ready.
broker_answers() {
  timeout 3 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/'"$PORT"' || exit 1
    printf "\x00\x00\x00\x0f\x00\x12\x00\x00\x00\x00\x00\x07\x00\x05probe" >&3
    head -c 10 <&3 | od -An -tx1 | tr -d " \n"
  ' 2>/dev/null | grep -qE '^[0-9a-f]{8}000000070000$'
}

start() {
  if running "$NAME"; then
    say "kafka: already running (pid $(cat "$(pid_file "$NAME")"))"
    return 0
  fi
  port_open "$PORT" && die "kafka: port $PORT is taken by a process this script did not start"
  port_open "$CONTROLLER_PORT" && die "kafka: port $CONTROLLER_PORT is taken by a process this script did not start"
  install
  say "kafka: starting"
  local t0=$SECONDS
  spawn "$NAME" java -Xms256m -Xmx256m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dkafka.logs.dir="$KDIR/logs" -Dlog4j.configuration="file:$LOG4J" \
    -cp "$(cat "$CP_FILE")" kafka.Kafka "$PROPS"
  local i
  for ((i = 0; i < START_TIMEOUT * 2; i++)); do
    running "$NAME" || die "kafka: process exited during start-up (see $LOG_DIR/kafka.log and $KDIR/logs/server.log)"
    if port_open "$PORT" && broker_answers; then
      say "kafka: ready on 127.0.0.1:$PORT after $((SECONDS - t0))s (pid $(cat "$(pid_file "$NAME")"))"
      return 0
    fi
    sleep 0.5
  done
  stop_pid "$NAME" 30
  die "kafka: not ready within ${START_TIMEOUT}s (see $LOG_DIR/kafka.log and $KDIR/logs/server.log)"
}

stop() {
  if ! running "$NAME"; then
    rm -f "$(pid_file "$NAME")"
    say "kafka: not running"
    return 0
  fi
  stop_pid "$NAME" 60
}

topics() {
  running "$NAME" || die "kafka: not running"
  classpath_ok || die "kafka: not installed (run: $0 install)"
  if (($# == 0)); then set -- --list; fi
  kjava org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$PORT" "$@"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status_line "$NAME" "$PORT" ;;
  topics) shift; topics "$@" ;;
  *) echo "usage: $0 install|start|stop|restart|status|topics [TopicCommand args...]" >&2; exit 2 ;;
esac
