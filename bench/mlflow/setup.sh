#!/usr/bin/env bash
# Builds MLflow 2.10.2's tracking server and client from source into .cache/mlflow, for the bench's
# MLflow side (docs/performance.md). 2.10.2 is the newest release whose requirements Debian 12's
# packages meet (2.11 wants graphene 3, later ones OpenTelemetry and databricks-sdk); the Python
# package registry is not needed. Idempotent.
#
#   MLFLOW_GIT=<a git dir of MLflow holding tag v2.10.2>   (a clone of github.com/mlflow/mlflow)
#   QSP_GIT=<a git dir of github.com/bernii/querystring-parser holding tag 1.2.4>  (not in Debian)
set -euo pipefail
BUILD=${MLFLOW_BUILD:-$(cd "$(dirname "$0")/../.." && pwd)/.cache/mlflow}
MIRROR=${MLFLOW_GIT:?MLFLOW_GIT names a git dir of MLflow with tag v2.10.2}
QSP_MIRROR=${QSP_GIT:?QSP_GIT names a git dir of querystring-parser with tag 1.2.4}
QSP_REV=1.2.4
REV=${MLFLOW_REV:-v2.10.2}
SRC=$BUILD/src/mlflow-2.10.2
VENV=$BUILD/venv

APT_PKGS=(git python3-venv python3-pip python3-setuptools python3-wheel
  python3-flask python3-sqlalchemy python3-alembic python3-protobuf gunicorn
  python3-cachetools python3-sqlparse python3-cloudpickle python3-yaml python3-requests
  python3-psycopg2 python3-docker python3-markdown python3-jinja2 python3-pandas python3-numpy
  python3-git python3-packaging python3-entrypoints python3-tz python3-importlib-metadata
  python3-six python3-click postgresql-15 postgresql-client-15)

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "apt-get install: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" || { apt-get update -qq; apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

# 1. source tree
if [[ ! -f $SRC/.extracted-$REV ]]; then
  git --git-dir="$MIRROR" cat-file -e "$REV^{commit}"
  rm -rf "$SRC"; mkdir -p "$SRC"
  # mlflow/pypi_package_index.json only serves inferring a logged model's pip requirements, and
  # some mirrors leave out such large files: an empty index of the same shape stands in.
  paths=(mlflow setup.py pyproject.toml README.rst README_SKINNY.rst LICENSE.txt MANIFEST.in requirements)
  # (git may print a harmless "invalid object ... docs/...gif" while walking the excluded tree; exit status is 0)
  git --git-dir="$MIRROR" archive "$REV" -- "${paths[@]}" ':(exclude)mlflow/pypi_package_index.json' | tar -x -C "$SRC"
  # placeholder with the file's schema (empty package list)
  echo '{"index_date": "1970-01-01", "package_names": []}' > "$SRC/mlflow/pypi_package_index.json"
  touch "$SRC/.extracted-$REV"
fi
# The JS UI is not built (too CPU-heavy); the server only needs the static dir to exist. REST API is unaffected.
mkdir -p "$SRC/mlflow/server/js/build/static"
[[ -f $SRC/mlflow/server/js/build/index.html ]] || \
  echo '<html><body>MLflow UI not built (REST API only)</body></html>' > "$SRC/mlflow/server/js/build/index.html"

# 2. venv on Debian's python, whose packages it sees (another python3 first on PATH may not)
[[ -x $VENV/bin/python ]] || /usr/bin/python3 -m venv --system-site-packages "$VENV"

# 3a. querystring_parser 1.2.4 from source (pure python; needs six from Debian)
if ! "$VENV/bin/python" -c 'import querystring_parser.parser' 2>/dev/null; then
  rm -rf "$BUILD/src/querystring-parser-$QSP_REV"; mkdir -p "$BUILD/src/querystring-parser-$QSP_REV"
  git --git-dir="$QSP_MIRROR" archive "$QSP_REV" | tar -x -C "$BUILD/src/querystring-parser-$QSP_REV"
  "$VENV/bin/pip" install --no-index --no-deps --no-build-isolation "$BUILD/src/querystring-parser-$QSP_REV"
fi

# 3b. install MLflow from source, no deps (all deps come from Debian)
if ! "$VENV/bin/python" -c 'import mlflow,sys; sys.exit(0 if mlflow.__file__.startswith("'"$SRC"'") else 1)' 2>/dev/null; then
  (cd "$SRC" && "$VENV/bin/pip" install --no-index --no-deps --no-build-isolation -e .)
fi
"$VENV/bin/python" -c 'import mlflow, mlflow.server; print("mlflow", mlflow.__version__, mlflow.__file__)'
echo "setup done: $VENV/bin/mlflow"
