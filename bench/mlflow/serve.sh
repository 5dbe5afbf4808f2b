#!/usr/bin/env bash
# Usage: serve.sh [start|stop|status]     env: WORKERS=N (default: MLflow's own default, 4 gunicorn workers)
#   start: Postgres 15 on 127.0.0.1:5499 (data /tmp/mlflow-pg, db "mlflow") if not running, then
#          MLflow 2.10.2 tracking server on http://127.0.0.1:5500 (background), waits for /health.
#   stop:  stops the MLflow server (its process group) and that Postgres cluster.
set -euo pipefail
BUILD=${MLFLOW_BUILD:-$(cd "$(dirname "$0")/../.." && pwd)/.cache/mlflow}
VENV=$BUILD/venv
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=/tmp/mlflow-pg
PGPORT=5499
PORT=5500
URL=http://127.0.0.1:$PORT
PIDFILE=$BUILD/mlflow-server.pid
LOG=$BUILD/mlflow-server.log
ARTIFACTS=$BUILD/mlartifacts
cmd=${1:-start}

pg_running() { su postgres -c "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; }
mlflow_running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

start_pg() {
  if [[ ! -f $PGDATA/PG_VERSION ]]; then
    rm -rf "$PGDATA"; install -d -o postgres -g postgres -m 700 "$PGDATA"
    su postgres -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
  fi
  if ! pg_running; then
    touch /tmp/mlflow-pg.log; chown postgres /tmp/mlflow-pg.log
    su postgres -c "$PGBIN/pg_ctl -D $PGDATA -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1' -l /tmp/mlflow-pg.log -w start" >/dev/null
  fi
  for _ in $(seq 30); do "$PGBIN/pg_isready" -h 127.0.0.1 -p $PGPORT -q && break; sleep 0.5; done
  "$PGBIN/psql" -h 127.0.0.1 -p $PGPORT -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='mlflow'" | grep -q 1 \
    || "$PGBIN/createdb" -h 127.0.0.1 -p $PGPORT -U postgres mlflow
}

start_mlflow() {
  if mlflow_running; then echo "mlflow server already running (pid $(cat "$PIDFILE"))"; else
    mkdir -p "$ARTIFACTS"
    local wargs=(); [[ -n ${WORKERS:-} ]] && wargs=(--workers "$WORKERS")
    cd "$BUILD"
    # own session/process group so that 'stop' can end the CLI, the gunicorn master and its workers together
    setsid "$VENV/bin/mlflow" server \
      --backend-store-uri "postgresql://postgres@127.0.0.1:$PGPORT/mlflow" \
      --artifacts-destination "$ARTIFACTS" \
      --host 127.0.0.1 --port $PORT "${wargs[@]}" >"$LOG" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
  fi
  for _ in $(seq 120); do
    if curl -fsS "$URL/health" >/dev/null 2>&1; then echo "$URL"; return 0; fi
    mlflow_running || { echo "mlflow server died; see $LOG" >&2; tail -20 "$LOG" >&2; return 1; }
    sleep 0.5
  done
  echo "mlflow server did not answer /health in 60s; see $LOG" >&2; return 1
}

stop_all() {
  if mlflow_running; then
    local pid; pid=$(cat "$PIDFILE")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 40); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    echo "mlflow server stopped"
  fi
  rm -f "$PIDFILE"
  if pg_running; then su postgres -c "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null; echo "postgres on $PGPORT stopped"; fi
}

case $cmd in
  start) start_pg; start_mlflow ;;
  stop) stop_all ;;
  status) pg_running && echo "postgres: running on $PGPORT" || echo "postgres: stopped"
          mlflow_running && echo "mlflow: running (pid $(cat "$PIDFILE")) $URL" || echo "mlflow: stopped" ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
