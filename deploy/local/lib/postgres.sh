# Sourced by deploy/local/up.sh and deploy/run-tests.sh: make sure the machine's PostgreSQL runs
# and that a service's role and database exist. Idempotent; safe where PostgreSQL uses trust or scram.

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}

# psql as the cluster's superuser over the local socket (peer auth needs the postgres OS user)
pg_super() {
  if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres "$@"
  fi
}

pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

# Starts the local cluster if nothing answers; echoes "started" when it did (callers may stop it later).
ensure_postgres() {
  if pg_ready; then return 0; fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    echo "PostgreSQL is not running and no local cluster is installed (apt-get install postgresql)" >&2
    return 1
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || pg_ctlcluster "$version" main start >&2
  for _ in $(seq 1 60); do
    if pg_ready; then echo started; return 0; fi
    sleep 0.5
  done
  echo "PostgreSQL did not become ready" >&2
  return 1
}

# ensure_database <database> <role> <password>
ensure_database() {
  local db=$1 role=$2 password=$3
  if [ "$(pg_super -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]; then
    pg_super -c "CREATE ROLE \"$role\" LOGIN PASSWORD '$password'"
  fi
  if [ "$(pg_super -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    pg_super -c "CREATE DATABASE \"$db\" OWNER \"$role\""
  fi
}
