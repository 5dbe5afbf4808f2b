"""
The SDK's figures, printed as JSON for `npm run bench`: the cost of log() on
the caller's thread, and how long 1,000,000 points take from the first log()
to the last one stored, beside the API taking the same points from a client
that only sends them (NDJSON reports of 100,000, encoded before the clock starts).
"""

from __future__ import annotations

import json
import os
import sys
import time

import httpx

import aisim

POINTS = int(os.environ.get("SDK_BENCH_POINTS", "1000000"))
METRICS = ("loss", "val_loss", "val_acc", "lr")
REPORT = 100_000


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def through_sdk(machine: int) -> dict:
    calls = POINTS // len(METRICS)
    costs = [0] * calls
    clock = time.perf_counter_ns
    run = aisim.start_run(machine, name="sdk bench")
    started = time.perf_counter()
    for step in range(calls):
        value = 1.0 / (step + 1)
        before = clock()
        run.log({"loss": value, "val_loss": value * 1.1, "val_acc": 1 - value, "lr": 0.001}, step=step)
        costs[step] = clock() - before
    logged = time.perf_counter() - started
    run.finish()
    stored = time.perf_counter() - started
    costs.sort()
    return {
        "run": run.id,
        "calls": calls,
        "points": calls * len(METRICS),
        "log_p50_us": percentile(costs, 0.50) / 1000,
        "log_p99_us": percentile(costs, 0.99) / 1000,
        "log_max_us": costs[-1] / 1000,
        "logging_seconds": logged,
        "stored_seconds": stored,
    }


def through_api_alone(url: str, token: str, machine: int) -> dict:
    """The same points as the API takes them from a client that does nothing else."""
    with httpx.Client(base_url=url, headers={"authorization": f"Bearer {token}"}, timeout=120) as account:
        created = account.post("/simulation", json={"name": "api bench", "machine_id": machine, "program": "external"})
        created.raise_for_status()
        run_id, run_token = created.json()["id"], created.json()["run_token"]
    calls = POINTS // len(METRICS)
    reports, lines, sequence = [], [], 0
    for step in range(calls):
        value = 1.0 / (step + 1)
        seconds = (step + 1) / 1000
        for metric, number in (("loss", value), ("val_loss", value * 1.1), ("val_acc", 1 - value), ("lr", 0.001)):
            lines.append(json.dumps({"metric": metric, "value": number, "seconds": seconds, "step": step}))
        if len(lines) >= REPORT or step == calls - 1:
            reports.append(("\n".join([json.dumps({"sequence": sequence})] + lines) + "\n").encode())
            lines, sequence = [], sequence + 1
    with httpx.Client(base_url=url, headers={"authorization": f"Bearer {run_token}"}, timeout=120) as run:
        run.post(f"/simulation/{run_id}/start").raise_for_status()
        started = time.perf_counter()
        for body in reports:
            answer = run.post(
                f"/simulation/{run_id}/metrics", content=body, headers={"content-type": "application/x-ndjson"}
            )
            answer.raise_for_status()
        stored = time.perf_counter() - started
        run.post(f"/simulation/{run_id}/end", json={"status": "finished"}).raise_for_status()
    return {"run": run_id, "points": calls * len(METRICS), "stored_seconds": stored}


def main() -> None:
    url, token, machine = os.environ["AISIM_URL"], os.environ["AISIM_ACCESS_TOKEN"], int(sys.argv[1])
    rounds = int(os.environ.get("SDK_BENCH_ROUNDS", "3"))
    results = []
    for _ in range(rounds):
        results.append({"sdk": through_sdk(machine), "api": through_api_alone(url, token, machine)})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
