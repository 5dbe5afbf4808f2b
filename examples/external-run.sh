#!/usr/bin/env bash
# An external run driven by curl alone: create it, start it, report its params
# and tags, then 10,000 steps of three metrics (loss, val_loss, val_acc) in
# NDJSON reports, one of them sent twice as a client retrying would, set a
# tag by hand, and finish with exit code 0. docs/runs.md explains each call.
#
#   TOKEN=$(npm run --silent token -- --role operator) bash examples/external-run.sh
#
# API (default http://127.0.0.1:8000), MACHINE_ID / MACHINE_NAME (101,
# "Machine A": created if new), STEPS (10000), REPORTS (how many reports the
# steps are split into, 2), PAUSE (seconds between reports, 0), NAME, and
# REPORT_OUT (a file to keep every point sent, as NDJSON) tune it. It prints
# each answer, and `id=<simulation id>` as soon as the run exists.
set -euo pipefail

API=${API:-http://127.0.0.1:8000}
: "${TOKEN:?an operator token: TOKEN=\$(npm run --silent token -- --role operator)}"
MACHINE_ID=${MACHINE_ID:-101}
MACHINE_NAME=${MACHINE_NAME:-Machine A}
STEPS=${STEPS:-10000}
REPORTS=${REPORTS:-2}
PAUSE=${PAUSE:-0}
NAME=${NAME:-curl walkthrough}
REPORT_OUT=${REPORT_OUT:-/dev/null}

# -f: an HTTP error fails the script, with the answer's message shown.
call() { curl -sS --fail-with-body "$@"; echo; }
as_run() { call -H "Authorization: Bearer $RUN" "$@"; }

created=$(call -X POST "$API/simulation" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"name\":\"$NAME\",\"machine\":{\"machine_id\":$MACHINE_ID,\"name\":\"$MACHINE_NAME\"},
       \"program\":\"external\",\"params\":{\"lr\":0.001,\"batch\":64}}")
ID=$(sed -E 's/.*"id":([0-9]+).*/\1/' <<<"$created")
RUN=$(sed -E 's/.*"run_token":"([^"]+)".*/\1/' <<<"$created")
echo "id=$ID"

as_run -X POST "$API/simulation/$ID/start"

# Params (write-once) and tags, before any point.
as_run -X POST "$API/simulation/$ID/metrics" -H 'Content-Type: application/json' \
  -d '{"sequence":1,"params":{"optimizer":"adam","augment":true},"tags":{"stage":"train"}}'

# Report k holds steps [from, to): a header line, then one line per point.
# `seconds` is given, so a replay is the same bytes and the curve is reproducible.
report() {
  awk -v sequence="$1" -v from="$2" -v to="$3" 'BEGIN {
    printf "{\"sequence\":%d}\n", sequence
    for (s = from; s < to; s++) {
      step = s * 10; seconds = (s + 1) / 100
      printf "{\"metric\":\"loss\",\"value\":%.9g,\"seconds\":%.9g,\"step\":%d}\n", 2 / (1 + step / 500), seconds, step
      printf "{\"metric\":\"val_loss\",\"value\":%.9g,\"seconds\":%.9g,\"step\":%d}\n", 2.2 / (1 + step / 600), seconds, step
      printf "{\"metric\":\"val_acc\",\"value\":%.9g,\"seconds\":%.9g,\"step\":%d}\n", step / (step + 4000), seconds, step
    }
  }'
}
send() { as_run -X POST "$API/simulation/$ID/metrics" -H 'Content-Type: application/x-ndjson' --data-binary @-; }

: >"$REPORT_OUT"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
per_report=$(((STEPS + REPORTS - 1) / REPORTS))
for ((k = 0; k < REPORTS; k++)); do
  from=$((k * per_report)) to=$(((k + 1) * per_report))
  ((to > STEPS)) && to=$STEPS
  sleep "$PAUSE"
  report $((k + 2)) "$from" "$to" >"$body"
  tail -n +2 "$body" >>"$REPORT_OUT"
  send <"$body"
done
# A retry after a lost answer sends the same bytes again: stored once, answered "duplicate":true.
send <"$body"

call -X PATCH "$API/simulation/$ID/tags" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"set":{"reviewed":"yes"},"remove":["stage"]}'

as_run -X POST "$API/simulation/$ID/end" -H 'Content-Type: application/json' \
  -d '{"status":"finished","exit_code":0}'
