#!/usr/bin/env bash
# Rebuilds the search indices by event replay on the running platform, with no downtime, and shows its progress
# until the aliases are swapped (what `make reindex` runs). A job already running is followed instead of refused.
#   ADMIN_EMAIL=… ADMIN_PASSWORD=… reindex.sh     logs in through the gateway as that admin
#   ADMIN_TOKEN=… reindex.sh                      or uses an access token you have
# Optional: INDICES=films,persons,genres (default all three), CINEMA_URL (default http://127.0.0.1:8000).
# The job runs inside query-side: stopping this script does not stop it (cancel with
# DELETE /movies/api/v1/admin/reindex/<id>), and a restart of query-side resumes it.
source "$(dirname "$0")/lib.sh"

URL="${CINEMA_URL:-http://127.0.0.1:8000}"
API="$URL/movies/api/v1/admin/reindex"
INDICES="${INDICES:-films,persons,genres}"

[[ -n ${ADMIN_TOKEN:-} || ( -n ${ADMIN_EMAIL:-} && -n ${ADMIN_PASSWORD:-} ) ]] ||
  die "usage: make reindex ADMIN_EMAIL=<an admin's email> ADMIN_PASSWORD=… (or ADMIN_TOKEN=<access token>); make superuser creates an admin"

# json FIELD: prints FIELD of the JSON object on stdin (empty when absent or null).
json() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }

login() {
  [[ -n ${ADMIN_EMAIL:-} ]] || die "the access token was refused (expired?); pass ADMIN_EMAIL/ADMIN_PASSWORD to log in again"
  local body
  # The password goes to curl on stdin, not on its command line, so that it does not show in `ps`.
  body=$(python3 -c 'import json,os; print(json.dumps({"email": os.environ["ADMIN_EMAIL"], "password": os.environ["ADMIN_PASSWORD"]}))' |
    curl -sS -X POST "$URL/auth/api/v1/users/login" -H 'Content-Type: application/json' --data-binary @-) ||
    die "cannot reach $URL"
  ADMIN_TOKEN=$(json access_token <<<"$body" 2>/dev/null) || true
  [[ -n $ADMIN_TOKEN ]] || die "login as $ADMIN_EMAIL failed: $body"
}

# call METHOD URL [BODY]: sets STATUS and BODY; logs in again once when the token is refused.
call() {
  local method=$1 url=$2 data=${3:-} out attempt
  for attempt in 1 2; do
    out=$(curl -sS -X "$method" "$url" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
      ${data:+--data "$data"} -w $'\n%{http_code}' 2>/dev/null) || { STATUS=000; BODY=""; return; }
    STATUS=${out##*$'\n'}
    BODY=${out%$'\n'*}
    [[ $STATUS == 401 && $attempt == 1 && -n ${ADMIN_EMAIL:-} ]] || return 0
    login
  done
}

[[ -n ${ADMIN_TOKEN:-} ]] || login
indices_json=$(python3 -c 'import json,sys; print(json.dumps({"indices": [i for i in sys.argv[1].split(",") if i]}))' "$INDICES")
call POST "$API" "$indices_json"
case $STATUS in
  202) JOB=$(json id <<<"$BODY"); say "reindex $JOB of $INDICES started" ;;
  409)
    call GET "$API"
    JOB=$(python3 -c 'import json,sys; print(next((j["id"] for j in json.load(sys.stdin) if j["state"] == "RUNNING"), ""))' <<<"$BODY")
    [[ -n $JOB ]] || die "a reindex is running but could not be found"
    say "a reindex is running already: following $JOB" ;;
  000) die "cannot reach $URL (is the platform up? make status)" ;;
  403) die "the account is not an admin (make superuser promotes one)" ;;
  *) die "reindex refused ($STATUS): $BODY" ;;
esac

# One line, redrawn each second: a bar, percent, positions replayed, speed, time left.
while true; do
  call GET "$API/$JOB"
  if [[ $STATUS == 401 || $STATUS == 403 ]]; then
    printf '\n' >&2
    die "the access token was refused ($STATUS; expired?): the reindex goes on in query-side; pass ADMIN_EMAIL/ADMIN_PASSWORD so that this script can log in again"
  fi
  if [[ $STATUS != 200 ]]; then
    printf '\r%-100s' "query-side unreachable ($STATUS); the job resumes when it is back, waiting…" >&2
    sleep 2
    continue
  fi
  line=$(python3 - "$BODY" <<'PY'
import json, sys
job = json.loads(sys.argv[1])
width = 30
done = int(width * job["percent"] / 100)
rate = job.get("eventsPerSecond")
eta = job.get("etaSeconds")
print("{state}|[{bar}] {pct:5.1f}%  {processed:,}/{total:,} events  {rate}  {eta}".format(
    state=job["state"], bar="#" * done + "-" * (width - done), pct=job["percent"], processed=job["processed"],
    total=job["total"], rate=f"{rate:,.0f} ev/s" if rate else "", eta=f"ETA {eta}s" if eta is not None else ""))
PY
)
  state=${line%%|*}
  printf '\r%-100s' "${line#*|}" >&2
  case $state in
    RUNNING) sleep 1 ;;
    COMPLETED) printf '\n' >&2; say "reindex $JOB completed: aliases swapped, old versions dropped"; exit 0 ;;
    *) printf '\n' >&2; die "reindex $JOB ended $state: $(json error <<<"$BODY")" ;;
  esac
done
