#!/usr/bin/env bash
# Makes a PostgreSQL 15 server available on 127.0.0.1:5432 with the roles "juece" (owner) and "juece_app"
# (the application's), an empty database "juece_test" for the -Ppostgres test run and an empty database
# "juece_ops_twonode" for the two-node test (-Ptwonode). Idempotent (CI may reuse a machine): both databases are
# made afresh on every call. Exits non-zero when PostgreSQL cannot be installed or started: with CI=true that fails
# the run (DECISIONS.md 20). (.ci/backup-restore.sh makes its own two databases, juece_ops_backup and
# juece_ops_restore.)
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
# The owner is a member of the application's role (README, "Backup and restore"): it reads Camunda's tables, which
# belong to juece_app, for pg_dump, and gives them back to juece_app when pg_restore recreates them.
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'juece') THEN
    CREATE ROLE juece LOGIN PASSWORD 'juece';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'juece_app') THEN
    CREATE ROLE juece_app LOGIN PASSWORD 'juece_app';
  END IF;
END $$;
GRANT juece_app TO juece;
SQL
for db in juece_test juece_ops_twonode; do
  # WITH (FORCE): a JVM of an aborted earlier run may still hold a connection
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d postgres \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
    -c "CREATE DATABASE $db OWNER juece ENCODING 'UTF8' TEMPLATE template0"
  # Camunda's engine, connected as the application's role, creates its tables in schema public: PostgreSQL 15
  # no longer lets every role CREATE there.
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d "$db" -c "GRANT USAGE, CREATE ON SCHEMA public TO juece_app"
done
echo "[postgres] ready: databases juece_test and juece_ops_twonode (owner juece, application role juece_app) on 127.0.0.1:5432"
