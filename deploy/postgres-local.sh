#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for development and CI, without systemd.
# Idempotent: when the server of this data directory is already running, it only prints the connection string
# (with the port it runs on). When the port is taken by another server (e.g. the cluster the Debian package starts)
# and PGPORT was not given, the next free port up to 5439 is used instead.
#
#   deploy/postgres-local.sh                # data in /tmp/collaboration-postgres, port 5432
#   PGPORT=5433 PGDATA_DIR=/tmp/pg2 deploy/postgres-local.sh
#   export COLLAB_TEST_POSTGRES="$(deploy/postgres-local.sh | tail -n 1)"
#
# The cluster runs as the `postgres` user (PostgreSQL refuses to run as root), listens on 127.0.0.1 only, and
# keeps the durable defaults (fsync and synchronous_commit on). The superuser `postgres` has password `postgres`.
# Stop it with: runuser -u postgres -- "$(dirname "$(command -v initdb)")/pg_ctl" -D /tmp/collaboration-postgres stop
set -euo pipefail

port="${PGPORT:-5432}"
data="${PGDATA_DIR:-/tmp/collaboration-postgres}"
password=postgres

# The newest installed server binaries (the Debian package keeps them out of PATH).
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
  bindir="$(dirname "$(readlink -f "$(command -v initdb)")")"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL server binaries not found; install them with: apt-get install -y postgresql" >&2
  exit 1
fi

# Runs a command as the postgres user (directly when we already are not root).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir "$data" --shell /bin/bash postgres
fi

if [ ! -s "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
  chmod 700 "$data"
  pwfile="$(mktemp)"
  printf '%s\n' "$password" > "$pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pwfile"
  as_postgres "$bindir/initdb" -D "$data" -U postgres --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

if as_postgres "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  # The fourth line of postmaster.pid is the port the running server listens on.
  port="$(sed -n 4p "$data/postmaster.pid")"
  echo "PostgreSQL already running on port ${port} (data directory $data)" >&2
else
  while "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null || [ "$?" -eq 1 ]; do
    if [ -n "${PGPORT:-}" ] || [ "$port" -ge 5439 ]; then
      echo "Port ${port} on 127.0.0.1 is taken by another server; choose another with PGPORT=..." >&2
      exit 1
    fi
    port=$((port + 1))
  done
  as_postgres "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${data}" start >/dev/null
  echo "PostgreSQL started on 127.0.0.1:${port} (data directory $data, log $data/server.log)" >&2
fi

# Ready for connections (also when another start of this script is still coming up).
for _ in $(seq 1 60); do
  if "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q; then
    break
  fi
  sleep 1
done
"$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q || { echo "PostgreSQL on 127.0.0.1:${port} is not ready" >&2; exit 1; }

echo "Host=127.0.0.1;Port=${port};Username=postgres;Password=${password}"
