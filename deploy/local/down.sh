#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the process ids it recorded under .run/pids/: the services
# (SIGTERM, up to 20 s, then SIGKILL), then Kafka, then PostgreSQL if (and only if) up.sh started it.
# Idempotent: with nothing running it says so and exits 0.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: deploy/local/down.sh [--services-only] [--keep-postgres] [-h|--help]

  (default)         stop the services, Kafka, and PostgreSQL if up.sh had started it
  --services-only   stop only the four services (Kafka and PostgreSQL keep running)
  --keep-postgres   leave PostgreSQL running even if up.sh started it
Environment: SERVICE_STOP_TIMEOUT (20), KAFKA_STOP_TIMEOUT (30) seconds before SIGKILL.
Kafka data stays in deploy/local/.run/kafka-data; delete deploy/local/.run/ for a clean slate.
USAGE
}

SERVICES_ONLY=0 KEEP_PG=0
while [ $# -gt 0 ]; do
  case "$1" in
    --services-only) SERVICES_ONLY=1 ;;
    --keep-postgres) KEEP_PG=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/postgres.sh
source "$LOCAL_DIR/lib/postgres.sh"
# shellcheck source=lib/kafka.sh
source "$LOCAL_DIR/lib/kafka.sh"

stopped=0

# ---- services ----------------------------------------------------------------------------------------
targets=()
for entry in "${SERVICES[@]}"; do
  read -r svc _port _db <<< "$entry"
  if pid=$(managed_pid "$PID_DIR/$svc.pid" "$svc/target/quarkus-app/quarkus-run.jar"); then
    say "stopping $svc (pid $pid)"
    targets+=("$svc:$pid")
  fi
done
if [ ${#targets[@]} -gt 0 ]; then
  stop_pids "${SERVICE_STOP_TIMEOUT:-20}" "${targets[@]}"
  for entry in "${targets[@]}"; do rm -f "$PID_DIR/${entry%%:*}.pid"; done
  stopped=$((stopped + ${#targets[@]}))
fi

if [ "$SERVICES_ONLY" -eq 0 ]; then
  # ---- Kafka ---------------------------------------------------------------------------------------
  if stop_kafka; then stopped=$((stopped + 1)); fi

  # ---- PostgreSQL, only when up.sh started it ------------------------------------------------------
  if [ -f "$PG_MARKER" ]; then
    if [ "$KEEP_PG" -eq 1 ]; then
      say "leaving PostgreSQL running (--keep-postgres); down.sh without it will stop it later"
    else
      version=$(cat "$PG_MARKER")
      # shellcheck disable=SC2012  # same lookup as lib/postgres.sh
      [ -n "$version" ] || version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
      if pg_ready; then
        say "stopping PostgreSQL $version/main (up.sh had started it)"
        pg_ctlcluster --skip-systemctl-redirect "$version" main stop 2>/dev/null \
          || pg_ctlcluster "$version" main stop \
          || warn "could not stop PostgreSQL $version/main"
        stopped=$((stopped + 1))
      fi
      rm -f "$PG_MARKER"
    fi
  fi
fi

if [ "$stopped" -eq 0 ]; then
  say "nothing to stop: no process started by up.sh is running"
else
  say "stopped $stopped process(es)"
fi

# processes up.sh did not start are left alone; point them out if they hold our ports
ports=()
for entry in "${SERVICES[@]}"; do read -r _svc port _db <<< "$entry"; ports+=("$port"); done
[ "$SERVICES_ONLY" -eq 0 ] && ports+=("$KAFKA_PORT")
for port in "${ports[@]}"; do
  if port_open "$port"; then
    warn "port $port is still in use by a process up.sh did not start (left alone): ss -ltnp 'sport = :$port'"
  fi
done
exit 0
