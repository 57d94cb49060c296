#!/usr/bin/env bash
# Installs (when absent) and starts a local PostgreSQL server for the tests, on 127.0.0.1:5432, as the postgres
# user with password "postgres". Prints the Npgsql connection string for PEKSOS_TEST_POSTGRES on its last line.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi

status=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" main start >&2
fi

wait_online() {
  for _ in $(seq 1 30); do
    if su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1; then break; fi
    sleep 1
  done
}
wait_online
# The test classes run in parallel, each host with its own connection pool: the default 100 connections were once
# exhausted ("too many clients already", answered 503 by the host under test).
if [ "$(su postgres -c "psql -qtAc 'SHOW max_connections'")" -lt 300 ]; then
  su postgres -c "psql -qtAc 'ALTER SYSTEM SET max_connections = 300'" >/dev/null
  pg_ctlcluster "$version" main restart >&2
  wait_online
fi
su postgres -c "psql -qtAc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
echo "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"
