# shellcheck shell=bash
# Sourced by deploy/local/up.sh and down.sh (after lib/common.sh): a single-node KRaft Kafka broker run
# as a plain JVM process from Maven Central artifacts (no Docker). Classpath resolved once with
# deploy/local/kafka/pom.xml and cached; storage formatted once; pid, log and data under .run/.

KAFKA_POM="$LOCAL_DIR/kafka/pom.xml"
KAFKA_TEMPLATE="$LOCAL_DIR/kafka/server.properties"
KAFKA_RUN_DIR="$RUN_DIR/kafka"
KAFKA_DATA_DIR="$RUN_DIR/kafka-data"
KAFKA_CONFIG="$KAFKA_RUN_DIR/server.properties"
KAFKA_CLASSPATH_FILE="$RUN_DIR/kafka.classpath"
KAFKA_PID_FILE="$PID_DIR/kafka.pid"
KAFKA_LOG="$LOG_DIR/kafka.log"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx512m}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-60}
# slf4j-simple: timestamps in the log; the one-line "Log4j API could not find a logging provider" silenced
# (log4j-core is excluded on purpose; Kafka logs through SLF4J)
KAFKA_LOG_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS -Dlog4j2.statusLoggerLevel=OFF"
KAFKA_PATTERN="kafka.Kafka"

kafka_running_pid() { managed_pid "$KAFKA_PID_FILE" "$KAFKA_PATTERN"; }

# Echoes the broker classpath (and nothing else on stdout). Resolves it into .run/kafka.classpath unless a cached one is newer than the POMs
# and all its jars still exist.
kafka_classpath() {
  local stale=0 jar
  if [ ! -s "$KAFKA_CLASSPATH_FILE" ] || [ "$KAFKA_POM" -nt "$KAFKA_CLASSPATH_FILE" ] \
      || [ "$REPO_ROOT/pom.xml" -nt "$KAFKA_CLASSPATH_FILE" ]; then
    stale=1
  else
    local jars
    IFS=: read -r -a jars < "$KAFKA_CLASSPATH_FILE"
    for jar in "${jars[@]}"; do
      [ -f "$jar" ] || { stale=1; break; }
    done
  fi
  if [ "$stale" -eq 1 ]; then
    say "resolving the Kafka broker classpath (once; cached in $(rel "$KAFKA_CLASSPATH_FILE"))" >&2
    local tmp="$KAFKA_CLASSPATH_FILE.tmp"
    rm -f "$tmp"
    mkdir -p "$LOG_DIR"
    if ! "${MVN:-mvn}" -B -q -f "$KAFKA_POM" dependency:build-classpath -Dmdep.outputFile="$tmp" \
        > "$LOG_DIR/kafka-classpath.log" 2>&1; then
      show_log_tail "$LOG_DIR/kafka-classpath.log"
      die "could not resolve the Kafka classpath (mvn -f $(rel "$KAFKA_POM") dependency:build-classpath)"
    fi
    [ -s "$tmp" ] || die "mvn wrote no classpath to $tmp"
    mv -f "$tmp" "$KAFKA_CLASSPATH_FILE"
  fi
  cat "$KAFKA_CLASSPATH_FILE"
}

# Writes .run/kafka/server.properties from the template (each start, so template edits apply).
kafka_render_config() {
  mkdir -p "$KAFKA_RUN_DIR" "$KAFKA_DATA_DIR"
  sed "s#@KAFKA_DATA_DIR@#$KAFKA_DATA_DIR#g" "$KAFKA_TEMPLATE" > "$KAFKA_CONFIG"
}

# Formats the storage directory once (a formatted directory has meta.properties).
kafka_format_storage() {
  local cp=$1 cluster_id
  if [ -f "$KAFKA_DATA_DIR/meta.properties" ]; then return 0; fi
  cluster_id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  [ -n "$cluster_id" ] || die "kafka.tools.StorageTool random-uuid printed no cluster id"
  say "formatting Kafka storage $(rel "$KAFKA_DATA_DIR") (cluster id $cluster_id)"
  java -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" \
      > "$KAFKA_RUN_DIR/format.log" 2>&1 \
    || { show_log_tail "$KAFKA_RUN_DIR/format.log"; die "formatting the Kafka storage failed"; }
  echo "$cluster_id" > "$KAFKA_RUN_DIR/cluster-id"
}

# Starts the broker unless ours already runs or something else listens on 127.0.0.1:9092.
ensure_kafka() {
  local pid cp start
  mkdir -p "$PID_DIR" "$LOG_DIR"
  if pid=$(kafka_running_pid); then
    say "Kafka already running (pid $pid, started by up.sh)"
    return 0
  fi
  if port_open "$KAFKA_PORT"; then
    say "something already listens on 127.0.0.1:$KAFKA_PORT: using it as the broker (down.sh will not stop it)"
    return 0
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "port $KAFKA_CONTROLLER_PORT (Kafka controller) is in use by another process: ss -ltnp 'sport = :$KAFKA_CONTROLLER_PORT'"
  fi
  cp=$(kafka_classpath)
  kafka_render_config
  kafka_format_storage "$cp"
  rotate_log "$KAFKA_LOG"
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT (log $(rel "$KAFKA_LOG"))"
  start=$(now)
  # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS / KAFKA_LOG_OPTS / KAFKA_OPTS are word lists
  nohup java $KAFKA_HEAP_OPTS $KAFKA_LOG_OPTS ${KAFKA_OPTS:-} -cp "$cp" kafka.Kafka "$KAFKA_CONFIG" \
    >> "$KAFKA_LOG" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$KAFKA_PID_FILE"
  while ! grep -q "Kafka Server started" "$KAFKA_LOG"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$KAFKA_PID_FILE"
      show_log_tail "$KAFKA_LOG" 60
      die "Kafka exited during start-up (see $(rel "$KAFKA_LOG"))"
    fi
    if awk -v s="$start" -v e="$(now)" -v t="$KAFKA_START_TIMEOUT" 'BEGIN { exit !(e - s >= t) }'; then
      show_log_tail "$KAFKA_LOG" 60
      die "Kafka did not log \"Kafka Server started\" within ${KAFKA_START_TIMEOUT}s (pid $pid still running; deploy/local/down.sh stops it)"
    fi
    sleep 0.2
  done
  KAFKA_STARTED_IN=$(elapsed "$start")
  say "Kafka started in ${KAFKA_STARTED_IN}s (pid $pid)"
}

stop_kafka() {
  local pid
  if pid=$(kafka_running_pid); then
    say "stopping Kafka (pid $pid)"
    stop_pids "${KAFKA_STOP_TIMEOUT:-30}" "kafka:$pid"
    rm -f "$KAFKA_PID_FILE"
    return 0
  fi
  return 1
}
