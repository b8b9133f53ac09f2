#!/bin/sh
# Stops the cluster started by start.sh (same PG_DATA). PG_PURGE=1 also deletes its files.
set -eu
PGDATA="${PG_DATA:-/tmp/workflows-pg}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -n "$PGBIN" ] || { echo "No PostgreSQL server installed: nothing to stop." >&2; exit 0; }
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; else AS=""; fi
if [ -s "$PGDATA/PG_VERSION" ] && $AS "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  $AS "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
  echo "Stopped PostgreSQL in $PGDATA."
else
  echo "No PostgreSQL running in $PGDATA."
fi
if [ "${PG_PURGE:-0}" = 1 ]; then rm -rf "$PGDATA"; echo "Removed $PGDATA."; fi
