#!/bin/sh
# Starts a throwaway local PostgreSQL cluster for tests and CI: no systemd, no Docker, as root or
# any user. Installs Debian's `postgresql` package when no server is installed. Idempotent: a
# cluster already running in $PG_DATA is reused. The last line printed is the Npgsql connection
# string, so callers can do:
#   export WORKFLOWS_TEST_POSTGRES="$(sh scripts/postgres/start.sh | tail -1)"
# Settings (environment, with defaults):
#   PG_PORT=55432  PG_DATA=/tmp/workflows-pg  PG_PASSWORD=workflows  PG_DATABASE=workflows
#   PG_FSYNC=off   (tests only: a crash can lose the cluster; use "on" when measuring durability)
set -eu
PORT="${PG_PORT:-55432}"
PGDATA="${PG_DATA:-/tmp/workflows-pg}"
PGPASS="${PG_PASSWORD:-workflows}"
DB="${PG_DATABASE:-workflows}"
FSYNC="${PG_FSYNC:-off}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

if [ -z "$(find_bin)" ]; then
  [ "$(id -u)" = 0 ] || { echo "PostgreSQL server missing: run this as root, or apt-get install postgresql" >&2; exit 1; }
  echo "Installing the postgresql package..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
# Debian keeps server binaries off PATH; take the newest installed major version.
PGBIN="$(find_bin)"

# The server refuses to run as root: as root, run it as the package's postgres user.
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; OWNER=postgres; else AS=""; OWNER="$(id -un)"; fi

mkdir -p "$PGDATA"
chown "$OWNER" "$PGDATA"
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  PWFILE="$(mktemp)"
  printf '%s\n' "$PGPASS" > "$PWFILE"
  chown "$OWNER" "$PWFILE"
  $AS "$PGBIN/initdb" -D "$PGDATA" -U postgres --pwfile="$PWFILE" \
      --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$PWFILE"
fi

# -k: the Unix socket lives in PGDATA (no /var/run/postgresql needed); TCP on loopback only.
# max_connections: several test classes, each with pooled connections, share one server.
if ! $AS "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  $AS "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
      -o "-p $PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=$FSYNC -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { tail -n 20 "$PGDATA/server.log" >&2; exit 1; }
fi

export PGPASSWORD="$PGPASS"
PSQL="$PGBIN/psql -h 127.0.0.1 -p $PORT -U postgres -d postgres -v ON_ERROR_STOP=1"
if ! $PSQL -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  $PSQL -qc "CREATE DATABASE \"$DB\""
fi
echo "Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres;Password=$PGPASS"
