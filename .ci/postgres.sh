#!/usr/bin/env bash
# Makes a PostgreSQL 15 server available on 127.0.0.1:5432 with the roles "juece" (owner) and "juece_app"
# (the application's) and an empty database "juece_test" for the -Ppostgres test run. Idempotent (CI may
# reuse a machine). Exits non-zero when PostgreSQL cannot be installed or started: with CI=true that fails
# the run (DECISIONS.md 20).
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

# Two roles (README, "Running on PostgreSQL"): juece owns the database and the schema juece and runs Flyway;
# juece_app is the application's role, which may not UPDATE or DELETE audit entries (granted by migration V49).
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'juece') THEN
    CREATE ROLE juece LOGIN PASSWORD 'juece';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'juece_app') THEN
    CREATE ROLE juece_app LOGIN PASSWORD 'juece_app';
  END IF;
END $$;
DROP DATABASE IF EXISTS juece_test;
CREATE DATABASE juece_test OWNER juece ENCODING 'UTF8' TEMPLATE template0;
SQL
# Camunda's engine, connected as the application's role, creates its tables in schema public: PostgreSQL 15
# no longer lets every role CREATE there.
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d juece_test <<'SQL'
GRANT USAGE, CREATE ON SCHEMA public TO juece_app;
SQL
echo "[postgres] ready: database juece_test (owner juece, application role juece_app) on 127.0.0.1:5432"
