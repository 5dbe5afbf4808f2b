"""What examples/mlflow/train_digits.py stored, read back with MLflow's client and our own API.

Run by client-check.sh after the script: exits non-zero, saying what differs, unless the two
runs it made are there as MLflow's client logged them.
"""

import os
import sys

import requests
from mlflow import MlflowClient

client = MlflowClient()
experiment = client.get_experiment_by_name("digits-sgd")
assert experiment is not None, "experiment digits-sgd not found"
runs = client.search_runs([experiment.experiment_id], order_by=["start_time DESC"], max_results=2)
problems = []
for run in runs:
    name = run.info.run_name
    if run.info.status != "FINISHED":
        problems.append(f"{name}: status {run.info.status}")
    history = client.get_metric_history(run.info.run_id, "val_loss")
    if [metric.step for metric in history] != list(range(20)):
        problems.append(f"{name}: val_loss steps {[metric.step for metric in history]}")
    alpha = name.removeprefix("sgd-alpha-")
    expected = {"alpha": alpha, "epochs": "20", "loss": "log_loss", "n_train": "1347"}
    if run.data.params != expected:
        problems.append(f"{name}: params {run.data.params}, not {expected}")
    if not {"val_acc", "train_acc", "val_loss"} <= set(run.data.metrics):
        problems.append(f"{name}: metrics {sorted(run.data.metrics)}")
    if run.data.tags.get("stage") != "evaluated":
        problems.append(f"{name}: tags {run.data.tags}")
    ours = requests.get(
        f"{os.environ['MLFLOW_TRACKING_URI']}/simulation/{run.info.run_id}",
        headers={"Authorization": f"Bearer {os.environ['MLFLOW_TRACKING_TOKEN']}"},
        timeout=10,
    ).json()
    if (ours.get("program"), ours.get("status")) != ("external", "finished"):
        problems.append(f"{name}: our API has it as {ours}")
    print(f"{name}: {run.info.status}, {len(history)} val_loss points, params {run.data.params}")
if len(runs) != 2:
    problems.append(f"{len(runs)} runs found, not 2")
if problems:
    sys.exit("\n".join(problems))
print("stored as logged")
