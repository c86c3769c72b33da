# shellcheck shell=bash disable=SC2034  # sourced; the variables are used by up.sh and down.sh
# Sourced by deploy/local/up.sh and down.sh: paths, the service table and process helpers.
# Every process the local stack starts has a pid file under .run/pids/; nothing is ever stopped by name.

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
RUN_DIR="$LOCAL_DIR/.run"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
# marker written by up.sh when it had to start PostgreSQL; down.sh stops PostgreSQL only when it exists
PG_MARKER="$RUN_DIR/postgres.started-by-up"

# service  port  database (the database's owner role and its password have the same name: local only)
SERVICES=(
  "suggestion-service 8081 suggestion"
  "workflow-service 8082 workflow"
  "notification-service 8083 notification"
  "reporting-service 8084 reporting"
)

say()  { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

now() { date +%s.%N; }
# seconds since $1 (from now), one decimal
elapsed() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# repo-relative form of a path, for messages
rel() { printf '%s' "${1#"$REPO_ROOT"/}"; }

# port_open <port> [host]: true when something accepts TCP connections there
port_open() {
  local port=$1 host=${2:-127.0.0.1}
  # shellcheck disable=SC2016  # $0/$1 expand in the inner shell
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
}

# managed_pid <pidfile> <command-line fragment>: echoes the pid when the file names a live process whose
# command line contains the fragment (guards against a recycled pid); removes a stale pid file.
managed_pid() {
  local file=$1 pattern=$2 pid cmdline
  [ -f "$file" ] || return 1
  pid=$(tr -dc '0-9' < "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ -r "/proc/$pid/cmdline" ]; then
    cmdline=$(tr '\0' ' ' < "/proc/$pid/cmdline")
    if [[ "$cmdline" == *"$pattern"* ]]; then
      echo "$pid"
      return 0
    fi
  fi
  rm -f "$file"
  return 1
}

# show_log_tail <file> [lines]
show_log_tail() {
  local file=$1 lines=${2:-40}
  printf -- '----- last %s lines of %s -----\n' "$lines" "$(rel "$file")" >&2
  if [ -f "$file" ]; then tail -n "$lines" "$file" >&2; else echo "(no log file)" >&2; fi
  printf -- '----- end of %s -----\n' "$(rel "$file")" >&2
}

# keep the previous run's log as <file>.1
rotate_log() {
  local file=$1
  if [ -s "$file" ]; then mv -f "$file" "$file.1"; fi
  : > "$file"
}

# stop_pids <grace seconds> <name:pid>...: SIGTERM to all, wait up to the grace period, then SIGKILL
stop_pids() {
  local grace=$1; shift
  local entry name pid start alive
  for entry in "$@"; do
    kill -TERM "${entry#*:}" 2>/dev/null || true
  done
  start=$(now)
  while :; do
    alive=()
    for entry in "$@"; do
      if kill -0 "${entry#*:}" 2>/dev/null; then alive+=("$entry"); fi
    done
    [ ${#alive[@]} -eq 0 ] && break
    if awk -v s="$start" -v e="$(now)" -v g="$grace" 'BEGIN { exit !(e - s >= g) }'; then
      for entry in "${alive[@]}"; do
        name=${entry%%:*}; pid=${entry#*:}
        warn "$name (pid $pid) did not stop within ${grace}s after SIGTERM: sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
      done
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  for entry in "$@"; do
    name=${entry%%:*}; pid=${entry#*:}
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) is still alive"
    fi
  done
}
