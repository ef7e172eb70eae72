# Shared helpers for the infra scripts. Source it; do not run it.
# Layout: everything downloaded, built or written at run time lives under $DATA_DIR (git-ignored):
#   $DATA_DIR/<component>/   install and data of one component
#   $DATA_DIR/logs/<name>.log, $DATA_DIR/pids/<name>.pid
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${CINEMA_DATA_DIR:-$ROOT/.data}"
LOG_DIR="$DATA_DIR/logs"
PID_DIR="$DATA_DIR/pids"
mkdir -p "$LOG_DIR" "$PID_DIR"

say() { printf '%s %s\n' "[$(date +%H:%M:%S)]" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for NAME SECONDS COMMAND...: retries COMMAND once a second until it succeeds or time runs out.
wait_for() {
  local name=$1 seconds=$2; shift 2
  local i
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  die "$name did not become ready within ${seconds}s (logs in $LOG_DIR)"
}

pid_file() { echo "$PID_DIR/$1.pid"; }

# running NAME: true when NAME's pid file names a live process.
running() {
  local f; f=$(pid_file "$1")
  [[ -f $f ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

# stop_pid NAME [SECONDS]: SIGTERM the process in NAME's pid file, SIGKILL after SECONDS (default 30).
stop_pid() {
  local name=$1 seconds=${2:-30} f pid i
  f=$(pid_file "$name")
  if ! running "$name"; then rm -f "$f"; return 0; fi
  pid=$(cat "$f")
  # Our servers run as process-group leaders (setsid): signal the group so children go too.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < seconds * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$f"; say "$name stopped"; return 0; }
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$f"
  say "$name killed after ${seconds}s"
}

# spawn NAME COMMAND...: starts COMMAND detached in its own session, logging to NAME.log, pid in NAME.pid.
spawn() {
  local name=$1; shift
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! >"$(pid_file "$name")"
}

# status_line NAME PORT: one line "name up|down port pid" for make status.
status_line() {
  local name=$1 port=$2 pid="-" state=down
  running "$name" && pid=$(cat "$(pid_file "$name")")
  port_open "$port" && state=up
  printf '%-16s %-5s port %-6s pid %s\n' "$name" "$state" "$port" "$pid"
}

# apt_install PACKAGE...: installs Debian packages that are missing (we are root on these machines).
apt_install() {
  local missing=()
  local p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]} == 0)) && return 0
  say "installing ${missing[*]} from Debian"
  if [[ ! -f "$DATA_DIR/.apt-updated" ]]; then apt-get update -qq && touch "$DATA_DIR/.apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
