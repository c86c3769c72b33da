#!/usr/bin/env bash
# Loads the seed's year (deploy/local/demo/seed-year-2020.json) into the running local suite through its
# public HTTP APIs, as the congress office, the units' staff and the deputies would. Safe to run again.
#   deploy/local/up.sh && deploy/local/load-demo.sh      (or: deploy/local/up.sh --demo)
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"
mkdir -p "$LOG_DIR"

SUGGESTION_URL=${SUGGESTION_URL:-http://localhost:8081}
WORKFLOW_URL=${WORKFLOW_URL:-http://localhost:8082}
REPORTING_URL=${REPORTING_URL:-http://localhost:8084}
NOTIFICATION_URL=${NOTIFICATION_URL:-http://localhost:8083}
DATA=${DATA:-deploy/local/demo/seed-year-2020.json}
classpath="$RUN_DIR/demo.classpath"

for url in "$SUGGESTION_URL" "$WORKFLOW_URL" "$REPORTING_URL" "$NOTIFICATION_URL"; do
  # health lives on the management interface: the local profile puts it at the API port + 1000
  port=${url##*:}
  port=${port%%/*}
  health="${url%:*}:$((port + 1000))/q/health/ready"
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$health" || true)
  [ "$code" = 200 ] || die "$url is not ready ($health answered HTTP '$code'): start the suite with deploy/local/up.sh"
done

say "compiling the loader (deploy/system-tests; log $(rel "$LOG_DIR/demo-build.log"))"
# shellcheck disable=SC2086
if ! "${MVN:-mvn}" -B -q -pl deploy/system-tests -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test ${MVN_ARGS:-} > "$LOG_DIR/demo-build.log" 2>&1; then
  show_log_tail "$LOG_DIR/demo-build.log" 40
  die "could not compile the loader"
fi

say "loading $DATA through $SUGGESTION_URL, $WORKFLOW_URL, $REPORTING_URL and $NOTIFICATION_URL"
java -cp "deploy/system-tests/target/test-classes:deploy/test-support/target/classes:$(cat "$classpath")" \
  gov.suggestions.systemtests.demo.SeedYearLoader "$DATA" "$SUGGESTION_URL" "$WORKFLOW_URL" "$REPORTING_URL" "$NOTIFICATION_URL"

unit=$(jq -r .unit "$DATA")
year=$(jq -r .year "$DATA")
echo
echo "The annual summary of $unit for $year (reporting-service builds it from the events within seconds):"
echo "  TOKEN=\$(deploy/local/mint-token.sh --role unit-office --unit $unit)"
echo "  curl -H \"Authorization: Bearer \$TOKEN\" -H 'Accept: text/markdown' $REPORTING_URL/api/v1/annual-summaries/$unit/$year"
