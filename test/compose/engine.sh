# Sourced by run.sh: podman as the engine behind Debian's docker-compose (v1),
# through podman's Docker-compatible API socket. No Docker engine and no
# systemd on our machines, so this script starts the API service itself and
# runs the containers' health checks in a loop (podman would hand them to
# systemd timers).

engine_dir=/run/aisimulation-podman
engine_socket="$engine_dir/podman.sock"

install_engine() {
  local need=()
  command -v podman >/dev/null || need+=(podman)
  command -v runc >/dev/null || need+=(runc)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  command -v docker-compose >/dev/null || need+=(docker-compose)
  # Service names as host names on the compose network (CNI, podman 4.3's default).
  [[ -x /usr/lib/cni/dnsname ]] || need+=(golang-github-containernetworking-plugin-dnsname)
  if ((${#need[@]})); then
    printf '[engine] installing %s\n' "${need[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

start_engine() {
  export CONTAINERS_CONF="$here/containers.conf"
  export CONTAINERS_REGISTRIES_CONF="$here/registries.conf"
  mkdir -p "$engine_dir"
  podman system service --time=0 "unix://$engine_socket" >"$engine_dir/service.log" 2>&1 &
  engine_pid=$!
  export DOCKER_HOST="unix://$engine_socket"
  local tries=0
  until curl -sf --unix-socket "$engine_socket" http://engine/_ping >/dev/null; do
    ((++tries < 100)) || { cat "$engine_dir/service.log" >&2; return 1; }
    sleep 0.1
  done
  (
    while sleep 2; do
      for id in $(podman ps --quiet); do
        podman healthcheck run "$id" >/dev/null 2>&1 || true
      done
    done
  ) &
  health_loop_pid=$!
}

stop_engine() {
  [[ -n "${health_loop_pid:-}" ]] && kill "$health_loop_pid" 2>/dev/null
  [[ -n "${engine_pid:-}" ]] && kill "$engine_pid" 2>/dev/null
  wait 2>/dev/null || true
}
