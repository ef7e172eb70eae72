#!/usr/bin/env bash
# The benchmarks and the fault/security suite, against the stack that `make up` runs (never part of `make test`).
#   bench.sh run [--name=value ...]     make bench: measures, writes bench/results/<date>.md (see bench/README.md)
#   bench.sh chaos [--name=value ...]   make chaos: token matrix, read model check, then faults injected with
#                                       infra/bin (restarts Elasticsearch, ClickHouse, Kafka; kill -9 of query-side)
#   bench.sh reindex-store FILMS | stop  a catalogue of its own (about 5.2 events per film) and a query-side on
#                                       port 18082 reading it, for the reindex benchmark
# Environment: BENCH_EMAIL, BENCH_PASSWORD (the bench admin, made or promoted with infra/bin/superuser.sh).
source "$(dirname "$0")/../infra/bin/lib.sh"

JAR="$ROOT/bench/target/bench.jar"
export BENCH_EMAIL=${BENCH_EMAIL:-bench@cinema.local} BENCH_PASSWORD=${BENCH_PASSWORD:-bench password 1}
REINDEX_DB=cinema_reindex_bench
REINDEX_PORT=18082

build() {
  (cd "$ROOT" && say "building the load generator" && mvn -B -q -Pbench -pl bench -DskipTests package)
}

admin() {
  curl -fsS "http://127.0.0.1:8081/actuator/health/readiness" >/dev/null || die "the platform is not running: make up first"
  say "bench admin $BENCH_EMAIL (infra/bin/superuser.sh)"
  EMAIL="$BENCH_EMAIL" PASSWORD="$BENCH_PASSWORD" bash "$ROOT/infra/bin/superuser.sh" >/dev/null
}

run() {
  build
  admin
  local extra=()
  if curl -fsS "http://127.0.0.1:$REINDEX_PORT/actuator/health/readiness" >/dev/null 2>&1; then
    say "reindex store on port $REINDEX_PORT: the reindex benchmark replays it"
    extra=(--query-url-for-reindex="http://127.0.0.1:$REINDEX_PORT")
  elif [[ " $* " != *" --only="* ]]; then
    say "no reindex store on port $REINDEX_PORT (bench/bench.sh reindex-store FILMS): the reindex benchmark is skipped"
    extra=(--only=commands,projection,search,ugc)
  fi
  cd "$ROOT" && java ${BENCH_JAVA_OPTS:--Xmx2g} -jar "$JAR" "${extra[@]}" "$@"
}

chaos() {
  build
  admin
  cd "$ROOT" && java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$JAR" -Dloader.main=dev.cinema.bench.Chaos \
    org.springframework.boot.loader.launch.PropertiesLauncher --root="$ROOT" "$@"
}

# A catalogue of FILMS generated films in a database of its own, and a query-side (port 18082, indices bench_*)
# that projects it; the reindex benchmark then replays that store. About 190,000 films make 1M events.
reindex_store() {
  local films=${1:?usage: bench.sh reindex-store FILMS}
  local url="jdbc:postgresql://127.0.0.1:5432/$REINDEX_DB"
  psql -h 127.0.0.1 -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$REINDEX_DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $REINDEX_DB"
  local events
  events=$(psql -h 127.0.0.1 -U postgres -d "$REINDEX_DB" -Atc "SELECT count(*) FROM domain_event_entry" 2>/dev/null || echo 0)
  if [[ $events == 0 ]]; then
    say "generating $films films into $REINDEX_DB (the live store is not touched)"
    SPRING_DATASOURCE_URL="$url" bash "$ROOT/infra/bin/catalog.sh" demo-data "$films" 42
  else
    say "$REINDEX_DB already holds $events events (DROP DATABASE $REINDEX_DB to generate anew)"
  fi
  local jar="$ROOT/query-side/target/query-side-0.1.0-SNAPSHOT.jar"
  [[ -f $jar ]] || (cd "$ROOT" && mvn -B -q -DskipTests -pl query-side -am package)
  if ! running bench-query-side; then
    spawn bench-query-side java ${JAVA_OPTS:--Xmx768m} -jar "$jar" --server.port=$REINDEX_PORT \
      --spring.datasource.url="$url?currentSchema=query_side,public" \
      --cinema.search.index-prefix=bench_ --cinema.cache.key-prefix=cinema:bench:
  fi
  wait_for bench-query-side 300 curl -fsS "http://127.0.0.1:$REINDEX_PORT/actuator/health/readiness"
  say "query-side for the reindex benchmark ready on port $REINDEX_PORT (log: $LOG_DIR/bench-query-side.log)"
}

cmd=${1:-}; shift || true
case $cmd in
  run) run "$@" ;;
  chaos) chaos "$@" ;;
  reindex-store) reindex_store "$@" ;;
  stop) stop_pid bench-query-side ;;
  *) die "usage: bench.sh run|chaos [--name=value ...] | reindex-store FILMS | stop" ;;
esac
