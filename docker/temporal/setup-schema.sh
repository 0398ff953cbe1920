#!/bin/sh
# One-shot, in temporalio/admin-tools: creates Temporal's two databases on the Temporal
# PostgreSQL and brings their schemas to the version this admin-tools release ships. Safe to
# run again (every `docker compose up`, and after an upgrade of the images): `update-schema`
# applies only the versions a database does not have yet.
# The commands are those of Temporal's own set-up script for PostgreSQL
# (temporalio/samples-server, compose/scripts/setup-postgres.sh) and of the temporal-sql-tool
# README (temporalio/temporal, tools/sql/README.md): plugin postgres12, schema directories
# /etc/temporal/schema/postgresql/v12/{temporal,visibility}/versioned in the admin-tools image.
set -eu

: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
DB_PORT="${DB_PORT:-5432}"
DBNAME="${DBNAME:-temporal}"
VISIBILITY_DBNAME="${VISIBILITY_DBNAME:-temporal_visibility}"
SCHEMA=/etc/temporal/schema/postgresql/v12

sql() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"; }

until nc -z "$POSTGRES_SEEDS" "$DB_PORT"; do echo "waiting for PostgreSQL at $POSTGRES_SEEDS:$DB_PORT"; sleep 1; done

for pair in "$DBNAME:temporal" "$VISIBILITY_DBNAME:visibility"; do
  db="${pair%%:*}"
  dir="$SCHEMA/${pair##*:}/versioned"
  # `create` refuses a database that exists already (the second run): that is fine, and a real
  # failure (no server, wrong password) makes setup-schema below fail anyway.
  sql --db "$db" create || echo "database $db exists already (or could not be created: see below)"
  sql --db "$db" setup-schema -v 0.0
  sql --db "$db" update-schema -d "$dir"
  echo "schema of $db is up to date ($dir)"
done
