# shellcheck shell=bash
# Sourced by deploy/run-tests.sh, deploy/local/up.sh and deploy/benchmark.sh: which Java builds, tests and runs the
# services. The suite targets Java 25 (LTS), whose AOT cache (JEP 483/514/515) the package step fills for each service
# (target/quarkus-app/app.aot); where only Java 17 exists everything still builds and runs, and Quarkus writes an AppCDS
# archive instead (app-cds.jsa). An archive only works on the Java build that wrote it.

# java_major <java executable>: the feature version (17, 25, ...)
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2; exit }'
}

# suite_java_home: SUITE_JAVA_HOME when set, else the newest JDK 25 or later under /usr/lib/jvm, else JAVA_HOME or the
# java on PATH (with a note that the suite falls back)
suite_java_home() {
  if [ -n "${SUITE_JAVA_HOME:-}" ]; then
    printf '%s' "$SUITE_JAVA_HOME"
    return
  fi
  local candidate best='' best_major=0 major
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    printf '%s' "$best"
  elif [ -n "${JAVA_HOME:-}" ]; then
    printf '%s' "$JAVA_HOME"
  else
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}

# use_suite_java: exports JAVA_HOME and PATH for Maven and the services; SUITE_JAVA_NOTE says which Java that is
use_suite_java() {
  JAVA_HOME=$(suite_java_home)
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
  local major
  major=$(java_major "$JAVA_HOME/bin/java")
  if [ "${major:-0}" -ge 25 ]; then
    SUITE_JAVA_NOTE="Java $major ($JAVA_HOME): the services start from their AOT cache (app.aot)"
  else
    SUITE_JAVA_NOTE="Java $major ($JAVA_HOME): no JDK 25 here, so no AOT cache; the services start from an AppCDS archive (app-cds.jsa) instead"
  fi
}

# startup_archive_flags <service>/target/quarkus-app: the JVM flag that loads what the package step archived, if any
startup_archive_flags() {
  if [ -f "$1/app.aot" ]; then
    printf '%s' "-XX:AOTCache=$1/app.aot"
  elif [ -f "$1/app-cds.jsa" ]; then
    printf '%s' "-XX:SharedArchiveFile=$1/app-cds.jsa"
  fi
}
