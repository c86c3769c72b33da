#!/usr/bin/env bash
# The load benchmark (budgets in the root README, "Benchmark"). Not part of deploy/run-tests.sh.
# On this machine, in one run, it measures and prints, each figure with its reference and ratio:
#   1. pgbench on the same PostgreSQL (1 and 8 clients): single-row inserts, and a registration's own statements
#      replayed (deploy/pgbench/registration.sql) — the reference for intake
#   2. the intake rate the suite sustains (Gatling, open model, increasing steps) and its p50/p95/p99,
#      and the budget's point: 70% of the pgbench 8-client rate
#   3. end to end: assignment → case opened in workflow-service and in reporting-service's ledger (p50/p99), read from
#      the services' outbox and inbox rows after each step; beside it Kafka's own EndToEndLatency tool on the same broker
#   4. each service's start time and idle RSS, started alone, against a bare Quarkus REST application in the default
#      packaging, and the service's start without its AOT cache
#   5. bulk import of 10,000 suggestions through the public import endpoint
#   6. the annual summary over 100,000 suggestions (reporting-service's ReportingBenchmarkTest)
# Usage: deploy/benchmark.sh [--no-build] [--skip-start-up] [--skip-summary] [--start-up-only (1 and 4)]
#   BENCH_STEP_SECONDS (15) length of each intake step; BENCH_FIRST_RATE (25) first step's arrivals per second;
#   BENCH_WARM_UP_SECONDS (30) length of each of the three warm-up steps (20, 40, 80/s; not counted: the JIT warms up);
#   BENCH_PGBENCH_SECONDS (15); BENCH_END_TO_END_SAMPLES (250) registrations per step also assigned and timed end to end;
#   BENCH_JFR=suggestion-service records that service under load (JFR, see README).
# Databases: suggestion_bench, workflow_bench, notification_bench, reporting_bench (emptied at start) and
# load_bench_pgbench and load_bench_registration (pgbench's). Output and logs: deploy/system-tests/target/bench/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. deploy/local/lib/postgres.sh
. deploy/local/lib/java.sh

build=1 start_up=1 summary=1 start_up_only=0
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --skip-start-up) start_up=0 ;;
    --skip-summary) summary=0 ;;
    --start-up-only) start_up_only=1 summary=0 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
command -v pgbench >/dev/null || { echo "pgbench is needed (Debian: postgresql-contrib / postgresql-client)" >&2; exit 1; }

out=deploy/system-tests/target/bench
rm -rf "$out"; mkdir -p "$out"
began=$(date +%s)
say() { printf '[benchmark %3ds] %s\n' $(( $(date +%s) - began )) "$*"; }
say "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
use_suite_java
say "$SUITE_JAVA_NOTE"

started_postgres=$(ensure_postgres)
if [ "$started_postgres" = started ]; then
  trap 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main stop || true' EXIT
fi
for service in suggestion workflow notification reporting; do
  ensure_database "${service}_bench" "$service" "$service"
  # every run starts from an empty schema: the services' Flyway migrations build it again
  pg_super -d "${service}_bench" -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public AUTHORIZATION \"$service\""
done

# ---- 1. pgbench: single-row inserts over TCP, as the services connect ---------------------------------------------------
ensure_database load_bench_pgbench suggestion suggestion
export PGPASSWORD=suggestion
pg_conn=(-h "$PG_HOST" -p "$PG_PORT" -U suggestion load_bench_pgbench)
psql -X -q -v ON_ERROR_STOP=1 "${pg_conn[@]}" -c "SET client_min_messages = warning; DROP TABLE IF EXISTS scratch_insert;
  CREATE TABLE scratch_insert (id bigserial PRIMARY KEY, number text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
echo "INSERT INTO scratch_insert (number) VALUES ('B' || :client_id);" > "$out/insert.sql"
pgbench_rate() { # script log-name clients connection...: transactions per second
  local script=$1 name=$2 clients=$3
  shift 3
  pgbench -n -M prepared -f "$script" -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" -T "${BENCH_PGBENCH_SECONDS:-15}" "$@" \
    > "$out/$name-$clients.log" 2>&1 || { cat "$out/$name-$clients.log" >&2; return 1; }
  grep -oE 'tps = [0-9.]+' "$out/$name-$clients.log" | head -n 1 | cut -d' ' -f3
}
say "pgbench, 1 client, ${BENCH_PGBENCH_SECONDS:-15} s ..."
pg1=$(pgbench_rate "$out/insert.sql" pgbench 1 "${pg_conn[@]}")
say "pgbench, 8 clients, ${BENCH_PGBENCH_SECONDS:-15} s ..."
pg8=$(pgbench_rate "$out/insert.sql" pgbench 8 "${pg_conn[@]}")
unset PGPASSWORD
say "pgbench single-row inserts: 1 client $pg1/s, 8 clients $pg8/s"

# ---- 1b. pgbench replaying a registration's own statements: the fair reference for intake -----------------------------
# a scratch database with suggestion-service's schema (its Flyway migrations, in version order) and the literals
pg_super -c "DROP DATABASE IF EXISTS load_bench_registration WITH (FORCE)" 2>&1 | grep -v "does not exist, skipping" >&2 || true
ensure_database load_bench_registration suggestion suggestion
export PGPASSWORD=suggestion
reg_conn=(-h "$PG_HOST" -p "$PG_PORT" -U suggestion load_bench_registration)
for migration in $(ls suggestion-service/src/main/resources/db/migration/V*.sql | sort -V) deploy/pgbench/registration-setup.sql; do
  psql -X -q -v ON_ERROR_STOP=1 "${reg_conn[@]}" -f "$migration" > /dev/null
done
say "pgbench replaying a registration's statements, 1 client ..."
reg1=$(pgbench_rate deploy/pgbench/registration.sql pgbench-registration 1 "${reg_conn[@]}")
say "pgbench replaying a registration's statements, 8 clients ..."
reg8=$(pgbench_rate deploy/pgbench/registration.sql pgbench-registration 8 "${reg_conn[@]}")
unset PGPASSWORD
say "pgbench registrations (deploy/pgbench/registration.sql): 1 client $reg1/s, 8 clients $reg8/s"

# ---- build: the services, the bare reference application, the harness and Gatling simulation ----------------------------
if [ "$build" -eq 1 ]; then
  say "building (mvn -Pbenchmark package -DskipTests; log $out/build.log) ..."
  mvn -B -q -Pbenchmark -DskipTests package > "$out/build.log" 2>&1 \
    || { tail -n 60 "$out/build.log" >&2; exit 1; }
  # as in the test command, each service's AOT cache is trained by its integration test (the packaged jar serving that
  # test's requests and events); a build without it keeps the cache of the bare start, which starts slower
  say "training the services' AOT caches (their *IT against the <service>_test databases; log $out/training.log) ..."
  for service in suggestion workflow notification reporting; do
    ensure_database "${service}_test" "$service" "$service"
  done
  mvn -B -q verify -am -pl suggestion-service,workflow-service,notification-service,reporting-service \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false > "$out/training.log" 2>&1 \
    || { tail -n 60 "$out/training.log" >&2; exit 1; }
fi
classpath=deploy/system-tests/target/benchmark-classpath.txt   # written by the build (profile benchmark)
[ -s "$classpath" ] || { echo "$classpath is missing: run without --no-build" >&2; exit 1; }
# a build of deploy/system-tests without the profile (the test command) compiles the harness away
[ -f deploy/system-tests/target/test-classes/gov/suggestions/systemtests/load/LoadBenchmark.class ] \
  || { echo "the load harness is not compiled (a build without -Pbenchmark since): run without --no-build" >&2; exit 1; }

# ---- 2.-5. the suite under load (LoadBenchmark: start-up, intake steps, end to end, bulk import) ----------------------------
say "start-up, intake, end to end and bulk import (log $out/load.log) ..."
"$JAVA_HOME/bin/java" -Xmx1g -cp "deploy/system-tests/target/test-classes:$(cat "$classpath")" \
  -Dsuite.root="$root" -Dbench.pgbench8="$reg8" -Dbench.stepSeconds="${BENCH_STEP_SECONDS:-15}" \
  -Dbench.firstRate="${BENCH_FIRST_RATE:-25}" -Dbench.warmUpSeconds="${BENCH_WARM_UP_SECONDS:-30}" -Dbench.jfr="${BENCH_JFR:-}" -Dbench.endToEndSamples="${BENCH_END_TO_END_SAMPLES:-250}" -Dbench.skipStartUp=$([ "$start_up" -eq 1 ] && echo false || echo true) \
  -Dbench.startUpOnly=$([ "$start_up_only" -eq 1 ] && echo true || echo false) \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  gov.suggestions.systemtests.load.LoadBenchmark 2>&1 | tee "$out/load.log" | grep --line-buffered '^\[bench\]' || true
[ -s "$out/figures.tsv" ] || { echo "the load harness wrote no figures; see $out/load.log" >&2; exit 1; }
for recorded in ${BENCH_JFR:-}; do
  # the methods most often on top of the stack while the service was under load (JDK 21+: jfr view)
  if [ -s "$out/$recorded.jfr" ]; then
    "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$out/$recorded.jfr" > "$out/$recorded-hot-methods.txt" 2>&1 || true
    say "$recorded under load, hot methods (JFR; all of it in $out/$recorded-hot-methods.txt):"
    head -n 30 "$out/$recorded-hot-methods.txt"
  fi
done

# ---- 6. annual summary over 100,000 suggestions (reused: reporting-service's ReportingBenchmarkTest) ------------------------
: > "$out/summary.tsv"
if [ "$summary" -eq 1 ]; then
  say "annual summary over 100,000 suggestions (ReportingBenchmarkTest on reporting_bench; log $out/summary.log) ..."
  if _TEST_QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/reporting_bench" \
     deploy/run-tests.sh -pl reporting-service -am -Dtest=ReportingBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
       -DskipITs > "$out/summary.log" 2>&1; then
    grep -h 'BENCHMARK reporting' "$out"/summary.log reporting-service/target/surefire-reports/*-output.txt 2>/dev/null | sort -u | sed 's/^/[bench] /' || true
    # the last (warm) run of the three
    line=$(grep -h 'BENCHMARK reporting run 3' "$out"/summary.log reporting-service/target/surefire-reports/*-output.txt 2>/dev/null | head -n 1 || true)
    if [ -n "$line" ]; then
      for format in 'summary Markdown' 'HTML with 4 SVG charts' '.docx with 4 PNG charts'; do
        ms=$(sed -E "s/.*${format//./\\.} ([0-9]+) ms.*/\1/" <<< "$line")
        awk -v f="$format" -v ms="$ms" 'BEGIN { printf "annual summary over 100,000 (%s, warm), ms\t%d\t500 ms (budget)\t%.2f\t< 500 ms\t%s\n", f, ms, ms / 500, (ms < 500 ? "yes" : "NO") }' >> "$out/summary.tsv"
      done
    fi
  else
    tail -n 40 "$out/summary.log" >&2
    printf 'annual summary over 100,000: ReportingBenchmarkTest failed (see %s)\t-\t500 ms (budget)\t-\t< 500 ms\tNO\n' "$out/summary.log" >> "$out/summary.tsv"
  fi
fi

# ---- the table ------------------------------------------------------------------------------------------------------------
{
  printf 'figure\tmeasured\treference\tratio\tbudget\tmet?\n'
  awk -v a="$pg1" -v b="$pg8" -v c="$reg1" -v d="$reg8" 'BEGIN {
    printf "pgbench single-row INSERT, 1 client (tx/s)\t%.0f\t%.0f (8 clients)\t%.2f\t-\t-\n", a, b, a / b
    printf "pgbench single-row INSERT, 8 clients (tx/s)\t%.0f\t-\t-\t-\t-\n", b
    printf "pgbench replaying a registration, 1 client (tx/s)\t%.0f\t%.0f (8 clients)\t%.2f\t-\t-\n", c, d, c / d
    printf "pgbench replaying a registration, 8 clients (tx/s)\t%.0f\t%.0f (single-row INSERT)\t%.3f\t(reference for intake)\t-\n", d, b, d / b }'
  cat "$out/figures.tsv" "$out/summary.tsv"
} > "$out/table.tsv"
echo
echo "Load benchmark ($(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); took $(( $(date +%s) - began )) s)"
awk -F'\t' '{ for (i = 1; i <= NF; i++) { w[i] = (length($i) > w[i] ? length($i) : w[i]); c[NR, i] = $i } n = (NF > n ? NF : n) }
  END { for (r = 1; r <= NR; r++) { line = ""; for (i = 1; i <= n; i++) line = line (i > 1 ? " | " : "") sprintf("%-" w[i] "s", c[r, i]); print line
        if (r == 1) { sep = ""; for (i = 1; i <= n; i++) { d = sprintf("%" w[i] "s", ""); gsub(/ /, "-", d); sep = sep (i > 1 ? "-|-" : "") d }; print sep } } }' \
  "$out/table.tsv" | tee "$out/table.txt"
