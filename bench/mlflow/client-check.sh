#!/usr/bin/env bash
# Runs examples/mlflow/train_digits.py, an unchanged MLflow script, with MLflow's own client
# (2.10.2, built from source by setup.sh) against a running service, then reads back what it
# stored (check_stored.py). Not part of CI: MLflow's source is not in reach of a CI machine.
#
#   AISIM_URL    the service (default http://127.0.0.1:8000, where `npm run up` serves it)
#   AISIM_TOKEN  an operator's token (default: npm run -s token -- --role operator)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${MLFLOW_BUILD:-$ROOT/.cache/mlflow}/venv
[[ -x $VENV/bin/python ]] || { echo "no MLflow client: run bench/mlflow/setup.sh first" >&2; exit 2; }
export MLFLOW_TRACKING_URI=${AISIM_URL:-http://127.0.0.1:8000}
export MLFLOW_TRACKING_TOKEN=${AISIM_TOKEN:-$(cd "$ROOT" && npm run -s token -- --role operator)}
"$VENV/bin/python" "$ROOT/examples/mlflow/train_digits.py"
"$VENV/bin/python" "$ROOT/bench/mlflow/check_stored.py"
