#!/usr/bin/env bash
# `npm run test:compose`: docker-compose.yml run as docs/deployment.md runs it, with
# podman as the engine (engine.sh) and local stand-ins for the public base
# images (stand-ins.sh), then checked by compose.stack-spec.ts. Root only:
# podman here runs rootful.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[[ $(id -u) == 0 ]] || { echo 'test:compose runs rootful podman: run it as root' >&2; exit 1; }

source "$here/engine.sh"
install_engine
start_engine
trap stop_engine EXIT

started=$SECONDS
bash "$here/stand-ins.sh"
printf '[compose] stand-in base images ready in %ss\n' "$((SECONDS - started))" >&2

cd "$root"
npx jest --selectProjects compose --runInBand
