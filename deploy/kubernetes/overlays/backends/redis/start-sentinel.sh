#!/bin/sh
# One pod's Sentinel, watching the master the other sentinels name (redis-0
# on a first start). Two of the three agree before a failover.
set -eu
. /scripts/find-master.sh
conf=/run/sentinel/sentinel.conf
cat >"$conf" <<CONF
port 26379
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip $self
requirepass $REDIS_PASSWORD
sentinel sentinel-pass $REDIS_PASSWORD
sentinel monitor aisimulation $master 6379 2
sentinel auth-pass aisimulation $REDIS_PASSWORD
sentinel down-after-milliseconds aisimulation 5000
sentinel failover-timeout aisimulation 60000
sentinel parallel-syncs aisimulation 1
CONF
# Sentinel rewrites its file as it learns the set-up: it lives in an emptyDir.
exec redis-server "$conf" --sentinel
