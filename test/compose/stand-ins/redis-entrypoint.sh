#!/bin/sh
# As the official image does: redis-server runs as `redis`, in /data, with
# protected mode off (other containers reach it over the compose network).
set -eu
if [ "${1:-}" != redis-server ]; then exec "$@"; fi
shift
if [ "$(id -u)" = 0 ]; then
  chown redis:redis /data
  exec setpriv --reuid=redis --regid=redis --init-groups redis-server --protected-mode no "$@"
fi
exec redis-server --protected-mode no "$@"
