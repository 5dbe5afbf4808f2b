#!/bin/sh
# One pod's Redis: a replica of the master the sentinels name; on a first
# start, when no sentinel knows one, redis-0 is the master and the others
# replicate it. The password goes into a file, never onto a command line.
set -eu
. /scripts/find-master.sh
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
