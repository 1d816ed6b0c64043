#!/usr/bin/env bash
# Makes a PostgreSQL 15 server available on 127.0.0.1:5432 with the user "juece" and an empty database
# "juece_test" for the -Ppostgres test run. Idempotent (CI may reuse a machine). Exits non-zero when
# PostgreSQL cannot be installed or started: with CI=true that fails the run (DECISIONS.md 20).
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  echo "[postgres] installing PostgreSQL 15 from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql-15 postgresql-client-15
fi

if ! pg_lsclusters -h 2>/dev/null | awk '$1 == 15 && $2 == "main"' | grep -q .; then
  pg_createcluster 15 main
fi
# Loopback only.
conf=/etc/postgresql/15/main/postgresql.conf
grep -q "^listen_addresses = '127.0.0.1'" "$conf" || echo "listen_addresses = '127.0.0.1'" >> "$conf"

if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster 15 main start
fi
for i in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
runuser -u postgres -- pg_isready -h 127.0.0.1 -p 5432

runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'juece') THEN
    CREATE ROLE juece LOGIN PASSWORD 'juece';
  END IF;
END $$;
DROP DATABASE IF EXISTS juece_test;
CREATE DATABASE juece_test OWNER juece ENCODING 'UTF8' TEMPLATE template0;
SQL
echo "[postgres] ready: database juece_test on 127.0.0.1:5432"
