#!/usr/bin/env bash
# Runs every test of the suite on this machine: unit and @QuarkusTest tests of each service, then the
# system tests of the packaged services. Starts PostgreSQL if needed (and stops it again after), makes
# the test databases; Kafka brokers are started in-process by the tests themselves.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. deploy/local/lib/postgres.sh
. deploy/local/lib/java.sh
use_suite_java
echo "$SUITE_JAVA_NOTE"

started_postgres=$(ensure_postgres)
if [ "$started_postgres" = started ]; then
  trap 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main stop || true' EXIT
fi
for service in suggestion workflow notification reporting; do
  ensure_database "${service}_test" "$service" "$service"   # the service's @QuarkusTests (cleaned at start)
  ensure_database "${service}_it" "$service" "$service"     # the packaged service in system tests
  ensure_database "${service}_faults" "$service" "$service" # the packaged service in the fault test (FaultsIT)
  ensure_database "${service}_rolling" "$service" "$service" # the packaged service in the rolling-restart test (RollingRestartIT)
  ensure_database "${service}_signals" "$service" "$service" # the packaged service in the operators' signals test (OperatorSignalsIT)
  ensure_database "${service}_trace" "$service" "$service"   # the packaged service in the trace test (TraceIT)
done

mvn -B -Djava.awt.headless=true verify "$@"
