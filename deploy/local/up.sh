#!/usr/bin/env bash
# Brings the whole suite up on this machine, without Docker: PostgreSQL (and the four databases),
# a single-node Kafka broker, then the four services built from this checkout. See deploy/local/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: deploy/local/up.sh [--no-build] [--restart] [--fresh] [--demo] [--infra-only | --only-kafka] [-h|--help]

  (default)      PostgreSQL + databases, Kafka, `mvn -B -q -DskipTests package`, the four services
  --no-build     use the jars already in <service>/target/quarkus-app/ (no Maven build)
  --restart      stop services that up.sh started earlier before building/starting them again
  --fresh        start from empty data: stop what up.sh started, drop the four local databases and the
                 Kafka data (deploy/local/.run/kafka-data), then bring everything up again
  --demo         then load the seed's year through the public APIs (deploy/local/load-demo.sh)
  --infra-only   PostgreSQL + databases and Kafka only (run the services yourself, e.g. quarkus:dev)
  --only-kafka   Kafka only

Environment: MVN (maven command, default mvn), MVN_ARGS (extra build arguments, e.g. -o),
  SERVICE_HEAP (default -Xms32m -Xmx256m), SERVICE_GC (default: the container image's collector settings,
  -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90),
  JAVA_OPTS (extra JVM options for the services),
  KAFKA_HEAP_OPTS (default -Xmx512m), KAFKA_OPTS, KAFKA_START_TIMEOUT (60), READY_TIMEOUT (120).
Stop everything with deploy/local/down.sh.
USAGE
}

BUILD=1 RESTART=0 FRESH=0 DEMO=0 MODE=all
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --restart) RESTART=1 ;;
    --fresh) FRESH=1 ;;
    --demo) DEMO=1 ;;
    --infra-only) MODE=infra ;;
    --only-kafka) MODE=kafka ;;
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

cd "$REPO_ROOT"
mkdir -p "$PID_DIR" "$LOG_DIR"
# the same heap and collector as in the containers (run-java.sh's defaults, deploy/k8s/README.md "Images"): a small
# initial heap that grows on demand and shrinks after GC keeps an idle service near 240 MiB RSS instead of ~300
SERVICE_HEAP=${SERVICE_HEAP:--Xms32m -Xmx256m}
SERVICE_GC=${SERVICE_GC:--XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90}
READY_TIMEOUT=${READY_TIMEOUT:-120}
KAFKA_STARTED_IN=

# ---- (a) PostgreSQL and the four databases ----------------------------------------------------------
if [ "$FRESH" -eq 1 ]; then
  say "--fresh: stopping what up.sh started, then dropping the local data"
  "$LOCAL_DIR/down.sh" --keep-postgres
  rm -rf "$KAFKA_DATA_DIR"
fi
if [ "$MODE" != kafka ]; then
  say "PostgreSQL on ${PG_HOST}:${PG_PORT}"
  if ! pg_state=$(ensure_postgres); then
    die "PostgreSQL is not available (see README.md, troubleshooting)"
  fi
  if [ "$pg_state" = started ]; then
    # remember that we started it: down.sh stops PostgreSQL only then
    # shellcheck disable=SC2012  # same lookup as lib/postgres.sh
    ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 > "$PG_MARKER"
    say "started the local PostgreSQL cluster (down.sh will stop it again)"
  fi
  for entry in "${SERVICES[@]}"; do
    read -r _svc _port db <<< "$entry"
    if [ "$FRESH" -eq 1 ]; then
      pg_super -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || die "could not drop database '$db'"
    fi
    ensure_database "$db" "$db" "$db" || die "could not create database/role '$db'"
  done
  say "databases ready (role = password = database name): suggestion workflow notification reporting"
fi

# ---- (b) Kafka ---------------------------------------------------------------------------------------
ensure_kafka

if [ "$MODE" != all ]; then
  echo
  echo "Kafka:      localhost:$KAFKA_PORT   log $(rel "$KAFKA_LOG")"
  [ "$MODE" = infra ] && echo "PostgreSQL: ${PG_HOST}:${PG_PORT}   databases suggestion, workflow, notification, reporting (role = password = database)"
  echo "Stop with:  deploy/local/down.sh"
  exit 0
fi

command -v curl >/dev/null 2>&1 || die "curl is needed to poll the health endpoints (apt-get install curl)"

# ---- services already running / ports taken ---------------------------------------------------------
if [ "$RESTART" -eq 1 ]; then
  "$LOCAL_DIR/down.sh" --services-only
fi
declare -A RUNNING=()
for entry in "${SERVICES[@]}"; do
  read -r svc port _db <<< "$entry"
  jar="$svc/target/quarkus-app/quarkus-run.jar"
  if pid=$(managed_pid "$PID_DIR/$svc.pid" "$jar"); then
    RUNNING[$svc]=$pid
  elif port_open "$port"; then
    die "port $port ($svc) is in use by a process up.sh did not start: ss -ltnp 'sport = :$port'"
  fi
done
if [ "$BUILD" -eq 1 ] && [ ${#RUNNING[@]} -gt 0 ]; then
  warn "already running, so kept as they are (rebuilt jars are not picked up; use --restart): ${!RUNNING[*]}"
fi

# ---- (c) build ---------------------------------------------------------------------------------------
# shellcheck source=lib/java.sh
source "$LOCAL_DIR/lib/java.sh"
use_suite_java
say "$SUITE_JAVA_NOTE"
if [ "$BUILD" -eq 1 ]; then
  say "building the services: ${MVN:-mvn} -B -q -DskipTests package ${MVN_ARGS:-} (log $(rel "$LOG_DIR/build.log"))"
  build_start=$(now)
  # shellcheck disable=SC2086
  if ! "${MVN:-mvn}" -B -q -DskipTests package ${MVN_ARGS:-} > "$LOG_DIR/build.log" 2>&1; then
    show_log_tail "$LOG_DIR/build.log" 60
    die "the build failed (full log: $(rel "$LOG_DIR/build.log"))"
  fi
  say "built in $(elapsed "$build_start")s"
fi

# ---- (d) start the services --------------------------------------------------------------------------
declare -A STARTED_AT=() READY_IN=()
for entry in "${SERVICES[@]}"; do
  read -r svc port _db <<< "$entry"
  jar="$svc/target/quarkus-app/quarkus-run.jar"
  log="$LOG_DIR/$svc.log"
  if [ -n "${RUNNING[$svc]:-}" ]; then
    say "$svc already running (pid ${RUNNING[$svc]})"
    continue
  fi
  [ -f "$jar" ] || die "$jar is missing: build first (drop --no-build)"
  rotate_log "$log"
  # shellcheck disable=SC2086
  # the archive the package step wrote (an AOT cache on Java 25) loads only on the Java that built it: the same JAVA_HOME
  archive=$(startup_archive_flags "$svc/target/quarkus-app")
  [ -n "$archive" ] || warn "$svc: no AOT cache or AppCDS archive in $svc/target/quarkus-app; starting without one"
  nohup "$JAVA_HOME/bin/java" $SERVICE_HEAP $SERVICE_GC $archive -Dquarkus.profile=local ${JAVA_OPTS:-} -jar "$jar" >> "$log" 2>&1 < /dev/null &
  echo $! > "$PID_DIR/$svc.pid"
  STARTED_AT[$svc]=$(now)
  say "started $svc (pid $!, port $port, log $(rel "$log"))"
done

# ---- (e) wait until every /q/health/ready answers 200 ------------------------------------------------
say "waiting for /q/health/ready (up to ${READY_TIMEOUT}s each)"
pending=()
declare -A WAIT_FROM=()
for entry in "${SERVICES[@]}"; do
  pending+=("$entry")
  read -r svc _port _db <<< "$entry"
  WAIT_FROM[$svc]=${STARTED_AT[$svc]:-$(now)}
done
while [ ${#pending[@]} -gt 0 ]; do
  still=()
  for entry in "${pending[@]}"; do
    read -r svc port _db <<< "$entry"
    log="$LOG_DIR/$svc.log"
    # health lives on the management interface: the local profile puts it at the API port + 1000 (9081-9084)
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$((port + 1000))/q/health/ready" || true)
    if [ "$code" = 200 ]; then
      if [ -n "${STARTED_AT[$svc]:-}" ]; then
        READY_IN[$svc]=$(elapsed "${STARTED_AT[$svc]}")
        quarkus_said=$(grep -oE 'started in [0-9.]+s' "$log" | tail -n 1 || true)
        say "$svc ready in ${READY_IN[$svc]}s${quarkus_said:+ (Quarkus: $quarkus_said)}"
      else
        READY_IN[$svc]="(was running)"
        say "$svc ready (was already running)"
      fi
      continue
    fi
    pid=$(tr -dc '0-9' < "$PID_DIR/$svc.pid" 2>/dev/null || true)
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_DIR/$svc.pid"
      show_log_tail "$log" 60
      die "$svc exited before it was ready (log $(rel "$log")); the others keep running: deploy/local/down.sh"
    fi
    if awk -v s="${WAIT_FROM[$svc]}" -v e="$(now)" -v t="$READY_TIMEOUT" 'BEGIN { exit !(e - s >= t) }'; then
      show_log_tail "$log" 60
      die "$svc not ready after ${READY_TIMEOUT}s (last HTTP status '${code}'; log $(rel "$log")); stop with deploy/local/down.sh"
    fi
    still+=("$entry")
  done
  pending=("${still[@]+"${still[@]}"}")
  [ ${#pending[@]} -gt 0 ] && sleep 0.5
done

# ---- (f) summary -------------------------------------------------------------------------------------
echo
echo "Suite is up (repository $REPO_ROOT; paths below are relative to it)."
echo
fmt='%-21s %-8s %-23s %-35s %-45s %s\n'
# shellcheck disable=SC2059
printf "$fmt" SERVICE READY API-BASE-URL SWAGGER-UI HEALTH LOG
for entry in "${SERVICES[@]}"; do
  read -r svc port _db <<< "$entry"
  base="http://localhost:$port"
  ready=${READY_IN[$svc]}
  [[ "$ready" == "(was running)" ]] && ready=running || ready="${ready}s"
  # shellcheck disable=SC2059
  printf "$fmt" "$svc" "$ready" "$base" "$base/q/swagger-ui" "http://localhost:$((port + 1000))/q/health/{ready,live}" "$(rel "$LOG_DIR/$svc.log")"
done
echo
echo "OpenAPI:    http://localhost:<port>/q/openapi   (?format=json for JSON)"
echo "Kafka:      localhost:$KAFKA_PORT${KAFKA_STARTED_IN:+ (started in ${KAFKA_STARTED_IN}s)}   log $(rel "$KAFKA_LOG")"
echo "            topics: java -cp \"\$(cat $(rel "$KAFKA_CLASSPATH_FILE"))\" deploy/local/kafka/KafkaTopics.java list"
echo "PostgreSQL: ${PG_HOST}:${PG_PORT}   databases suggestion, workflow, notification, reporting (role = password = database)"
echo
echo "Token:      TOKEN=\$(deploy/local/mint-token.sh --role handler --unit <unit-code>)"
echo "            curl -H \"Authorization: Bearer \$TOKEN\" http://localhost:8081/..."
echo "            roles: congress-office gov-supervisor unit-office unit-leader handler deputy platform-admin system"
echo "Stop:       deploy/local/down.sh"

if [ "$DEMO" -eq 1 ]; then
  echo
  "$LOCAL_DIR/load-demo.sh"
fi
