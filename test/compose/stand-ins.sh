#!/usr/bin/env bash
# Builds local stand-ins for the three public images docker-compose.yml and
# docker/Dockerfile name, tagged with those names: no registry is reachable
# from CI. A debootstrap'd Debian is the base of all three:
#   node:24-bookworm-slim  Node of the supported major (.nvmrc) from the npm registry
#   postgres:15-alpine     Debian's postgresql-15, an entrypoint honouring POSTGRES_*
#   redis:7-alpine         Debian's redis-server
# Images that exist already are kept. Needs podman and debootstrap (root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base=localhost/aisimulation-stand-in/debian:bookworm
label=org.opencontainers.image.description="AISimulation CI stand-in, built by test/compose/stand-ins.sh"

say() { printf '[stand-ins] %s\n' "$*" >&2; }
exists() { podman image exists "$1"; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

if ! exists "$base"; then
  say "debootstrap Debian bookworm (minbase) …"
  debootstrap --variant=minbase bookworm "$scratch/rootfs" http://deb.debian.org/debian >"$scratch/debootstrap.log" 2>&1 ||
    { tail -20 "$scratch/debootstrap.log" >&2; exit 1; }
  # This machine's trust store, whose authority signs what its proxy serves.
  mkdir -p "$scratch/rootfs/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$scratch/rootfs/etc/ssl/certs/"
  rm -rf "$scratch/rootfs/var/cache/apt/archives/"*.deb "$scratch/rootfs/var/lib/apt/lists/"*
  tar -C "$scratch/rootfs" -c . | podman import --change "LABEL $label" - "$base" >/dev/null
  rm -rf "$scratch/rootfs"
fi

build() {
  local name="$1" context="$2" containerfile="$3"
  if exists "docker.io/library/$name"; then return; fi
  say "building $name …"
  podman build --quiet --pull=never --label "$label" -f "$containerfile" -t "docker.io/library/$name" "$context" >/dev/null
}

node_image="$(sed -n 's/^ARG NODE_IMAGE=//p' "$root/docker/Dockerfile")"
if ! exists "docker.io/library/$node_image"; then
  mkdir -p "$scratch/node"
  cp "$(node "$root/scripts/supported-node.js" --fetched)/bin/node" "$scratch/node/node"
  npm pack npm@11 --pack-destination "$scratch" --loglevel=error >/dev/null
  mkdir "$scratch/node/npm"
  tar -xzf "$scratch"/npm-*.tgz -C "$scratch/node/npm" --strip-components=1
  build "$node_image" "$scratch/node" "$here/stand-ins/node.Containerfile"
fi
compose_image() { sed -n "s/^ *image: \($1:.*\)/\1/p" "$root/docker-compose.yml"; }
build "$(compose_image postgres)" "$here/stand-ins" "$here/stand-ins/postgres.Containerfile"
build "$(compose_image redis)" "$here/stand-ins" "$here/stand-ins/redis.Containerfile"
