#!/usr/bin/env bash
# Starts a throw-away Redis server on loopback for the SignalR backplane in development and CI, without systemd.
# Idempotent: when the server of this directory is already running, it only prints its address.
#
#   deploy/redis-local.sh                      # data in /tmp/collaboration-redis, port 6390
#   REDIS_PORT=6391 REDIS_DIR=/tmp/r2 deploy/redis-local.sh
#   export COLLAB_TEST_REDIS="$(deploy/redis-local.sh | tail -n 1)"
#
# The backplane only relays messages, so nothing is persisted (no RDB snapshots, no append-only file). Debian's
# redis-server package provides the binary (apt-get install -y redis-server); its own service is not used.
# Stop it with: redis-cli -h 127.0.0.1 -p 6390 shutdown nosave
set -euo pipefail

port="${REDIS_PORT:-6390}"
dir="${REDIS_DIR:-/tmp/collaboration-redis}"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server not found; install it with: apt-get install -y redis-server" >&2
  exit 1
fi

mkdir -p "$dir"
if [ -s "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then
  echo "Redis already running on 127.0.0.1:${port} (directory $dir)" >&2
else
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" \
    --logfile "$dir/redis.log" --save "" --appendonly no
  echo "Redis started on 127.0.0.1:${port} (directory $dir, log $dir/redis.log)" >&2
fi

for _ in $(seq 1 50); do
  if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
    echo "127.0.0.1:${port}"
    exit 0
  fi
  sleep 0.2
done
echo "Redis on 127.0.0.1:${port} is not answering" >&2
exit 1
