#!/usr/bin/env bash
# The tracker as a cluster on one machine: PostgreSQL (deploy/postgres-local.sh) and Redis (deploy/redis-local.sh) on
# loopback, and two app nodes on one database, http://127.0.0.1:5081 and http://127.0.0.1:5082. The node holding the
# PostgreSQL advisory lock runs the projections; kill it and the other takes over (ADR 0022).
#
#   deploy/local-cluster.sh            # start (builds the app first), prints the URLs
#   deploy/local-cluster.sh status     # each node's role (leader / follower)
#   deploy/local-cluster.sh stop       # stop the two nodes and Redis
#   deploy/local-cluster.sh stop all   # ... and PostgreSQL too
#
# Settings: CLUSTER_DIR (default /tmp/collaboration-cluster: logs, pids, the shared key files), CLUSTER_DATABASE
# (default collaboration_cluster), NODE_PORTS (default "5081 5082"), ASPNETCORE_ENVIRONMENT (default Development:
# development sign-in, Swagger, the demo scenario seeded into an empty database by the first node).
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${CLUSTER_DIR:-/tmp/collaboration-cluster}"
database="${CLUSTER_DATABASE:-collaboration_cluster}"
ports="${NODE_PORTS:-5081 5082}"
mkdir -p "$dir"

role() {
  curl -s -o /dev/null -D - "http://127.0.0.1:$1/health/live" 2>/dev/null | tr -d '\r' | sed -n 's/^[Cc]ollaboration-[Rr]ole: //p'
}

stop_nodes() {
  for port in $ports; do
    if [ -s "$dir/node-$port.pid" ] && kill -0 "$(cat "$dir/node-$port.pid")" 2>/dev/null; then
      kill "$(cat "$dir/node-$port.pid")"
      echo "stopped the node on port $port"
    fi
    rm -f "$dir/node-$port.pid"
  done
}

case "${1:-start}" in
  stop)
    stop_nodes
    redis-cli -h 127.0.0.1 -p "${REDIS_PORT:-6390}" shutdown nosave >/dev/null 2>&1 && echo "stopped Redis" || true
    if [ "${2:-}" = "all" ]; then
      bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
      runuser -u postgres -- "$bindir/pg_ctl" -D "${PGDATA_DIR:-/tmp/collaboration-postgres}" stop >/dev/null && echo "stopped PostgreSQL"
    fi
    exit 0
    ;;
  status)
    for port in $ports; do echo "http://127.0.0.1:$port  $(role "$port" || true)"; done
    exit 0
    ;;
  start) ;;
  *) echo "usage: $0 [start|status|stop [all]]" >&2; exit 2 ;;
esac

postgres="$(deploy/postgres-local.sh | tail -n 1)"
redis="$(deploy/redis-local.sh | tail -n 1)"
bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgport="$(echo "$postgres" | sed 's/.*Port=\([0-9]*\).*/\1/')"
if ! PGPASSWORD=postgres "$bindir/psql" -h 127.0.0.1 -p "$pgport" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  PGPASSWORD=postgres "$bindir/createdb" -h 127.0.0.1 -p "$pgport" -U postgres "$database"
  echo "created database $database" >&2
fi

dotnet build src/Collaboration.Api -nologo -v quiet >/dev/null
api="$PWD/src/Collaboration.Api/bin/Debug/net10.0/Collaboration.Api.dll"

# One node after the other: the first creates the schema (and, in Development, seeds an empty database once).
for port in $ports; do
  if [ -s "$dir/node-$port.pid" ] && kill -0 "$(cat "$dir/node-$port.pid")" 2>/dev/null; then
    echo "node on port $port already running" >&2
    continue
  fi
  (
    cd src/Collaboration.Api
    # Every node shares the database, the backplane and the key files (personal-data keys, audit signing key).
    ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
    Store__Provider=Postgres \
    ConnectionStrings__Postgres="$postgres;Database=$database" \
    ConnectionStrings__Redis="$redis" \
    Store__Sqlite__Path="$dir/collaboration.db" \
    Store__Keys__Path="$dir/collaboration.keys.db" \
    Audit__SigningKeyPath="$dir/collaboration.audit-key.pem" \
      nohup dotnet "$api" --urls "http://127.0.0.1:$port" >"$dir/node-$port.log" 2>&1 &
    echo $! >"$dir/node-$port.pid"
  )
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break
    kill -0 "$(cat "$dir/node-$port.pid")" 2>/dev/null || { echo "the node on port $port exited; see $dir/node-$port.log" >&2; exit 1; }
    sleep 0.5
  done
done

sleep 1.5
echo "PostgreSQL: ${postgres%%Password=*}Database=$database"
echo "Redis:      $redis"
for port in $ports; do
  echo "node:       http://127.0.0.1:$port  ($(role "$port" || echo "not answering"); log $dir/node-$port.log)"
done
echo "stop with:  deploy/local-cluster.sh stop"
