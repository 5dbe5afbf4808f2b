#!/bin/sh
# One pod's Redis: a replica of the master the sentinels name; on a first
# start, when no sentinel knows one, redis-0 is the master and the others
# replicate it. The password goes into a file, never onto a command line.
set -eu
domain="redis-headless.${POD_NAMESPACE}.svc.cluster.local"
self="$(hostname).$domain"
export REDISCLI_AUTH="$REDIS_PASSWORD"
master="$(redis-cli -h redis-sentinel -p 26379 sentinel get-master-addr-by-name aisimulation 2>/dev/null | head -n 1 || true)"
[ -n "$master" ] || master="redis-0.$domain"
conf=/run/redis/redis.conf
cat >"$conf" <<CONF
dir /data
# Queued jobs survive a restart and are never evicted to make room.
appendonly yes
appendfsync everysec
maxmemory-policy noeviction
requirepass $REDIS_PASSWORD
masterauth $REDIS_PASSWORD
replica-announce-ip $self
CONF
[ "$master" = "$self" ] || echo "replicaof $master 6379" >>"$conf"
exec redis-server "$conf"
