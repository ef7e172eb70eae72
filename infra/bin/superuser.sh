#!/usr/bin/env bash
# Creates a superuser (role admin, superuser flag), or promotes an existing account and sets its password,
# through the same commands as the REST API: the command-side jar run once in CLI mode, without a web server.
#   EMAIL=… PASSWORD=… superuser.sh        (what `make superuser EMAIL=… PASSWORD=…` runs)
source "$(dirname "$0")/lib.sh"
BIN="$ROOT/infra/bin"
JAR="$ROOT/command-side/target/command-side-0.1.0-SNAPSHOT.jar"

[[ -n ${EMAIL:-} && -n ${PASSWORD:-} ]] || die "usage: make superuser EMAIL=admin@example.com PASSWORD=<at least 8 characters>"

# The event store and the deny-list/rate-limit store must be up; both scripts are no-ops when they run.
bash "$BIN/postgres.sh" start
bash "$BIN/redis.sh" start
if [[ ! -f $JAR ]]; then
  say "building command-side"
  (cd "$ROOT" && mvn -B -q -DskipTests -pl command-side -am package)
fi

# The password goes through the environment, not the command line, so that it does not show in `ps`.
CINEMA_DATA_DIR="$DATA_DIR" CINEMA_SUPERUSER_EMAIL="$EMAIL" CINEMA_SUPERUSER_PASSWORD="$PASSWORD" \
  java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" --cinema.cli=superuser --spring.main.web-application-type=none \
  --logging.level.root=WARN --logging.level.dev.cinema=INFO
