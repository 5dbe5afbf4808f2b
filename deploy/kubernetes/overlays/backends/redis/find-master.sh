# Sourced by start-redis.sh and start-sentinel.sh: this pod's own name, and
# the master the sentinels name (redis-0 on a first start, when none knows one).
domain="redis-headless.${POD_NAMESPACE}.svc.cluster.local"
self="$(hostname).$domain"
export REDISCLI_AUTH="$REDIS_PASSWORD"
master="$(redis-cli -h redis-sentinel -p 26379 sentinel get-master-addr-by-name aisimulation 2>/dev/null | head -n 1 || true)"
[ -n "$master" ] || master="redis-0.$domain"
