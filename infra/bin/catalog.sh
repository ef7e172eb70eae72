#!/usr/bin/env bash
# The catalogue importer and generator, run from the command-side jar.
#   catalog.sh import [DIR]                  DIR in the format of ../shared/data/movies (default), idempotent
#   catalog.sh demo-data FILMS [SEED] [DIR]  write a synthetic catalogue (deterministic for a seed), then import it
#   catalog.sh empty                         true when the event store holds no catalogue event (make up loads one then)
# Environment: SPRING_DATASOURCE_URL (default: the app's own, jdbc:postgresql://127.0.0.1:5432/cinema),
# IMPORT_CONCURRENCY (default 8).
source "$(dirname "$0")/lib.sh"

JAR="$ROOT/command-side/target/command-side-0.1.0-SNAPSHOT.jar"

jar_ready() {
  [[ -f $JAR ]] || (cd "$ROOT" && mvn -B -q -DskipTests -pl command-side -am package)
}

import() {
  local dir=${1:-$ROOT/../shared/data/movies}
  [[ -d $dir ]] || die "no catalogue folder at $dir"
  jar_ready
  dir=$(cd "$dir" && pwd)
  say "importing the catalogue from $dir"
  java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" \
    --cinema.cli=import --data="$dir" --concurrency="${IMPORT_CONCURRENCY:-8}" \
    --spring.main.web-application-type=none --spring.main.banner-mode=off \
    --logging.level.root=WARN --logging.level.org.axonframework=ERROR
}

demo_data() {
  local films=${1:?usage: catalog.sh demo-data FILMS [SEED] [DIR]} seed=${2:-42}
  local dir=${3:-$DATA_DIR/demo-data/films-$films-seed-$seed}
  jar_ready
  mkdir -p "$dir"
  # Reuse the original catalogue's genres (ids and names) when it is there: genre names are unique, and make up
  # loads that catalogue, so a synthetic one with its own "Drama" would be refused.
  local original=$ROOT/../shared/data/movies/genre.tsv genres=()
  [[ -f $original ]] && genres=(--genres-from="$original")
  java -cp "$JAR" -Dloader.main=dev.cinema.command.catalog.importer.CatalogGenerator \
    org.springframework.boot.loader.launch.PropertiesLauncher --films="$films" --seed="$seed" --out="$dir" "${genres[@]}"
  import "$dir"
}

empty() {
  local url=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/cinema} db
  db=${url##*/}; db=${db%%\?*}
  local n
  n=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc \
    "SELECT count(*) FROM (SELECT 1 FROM domain_event_entry WHERE type IN ('Film','Genre','Person') LIMIT 1) e" 2>/dev/null) || return 0
  [[ $n == 0 ]]
}

cmd=${1:-}; shift || true
case $cmd in
  import) import "$@" ;;
  demo-data) demo_data "$@" ;;
  empty) empty ;;
  *) die "usage: catalog.sh import [DIR] | demo-data FILMS [SEED] [DIR] | empty" ;;
esac
