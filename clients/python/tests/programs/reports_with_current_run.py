"""A program a worker runs, reporting through the SDK: over HTTP, or as stdout records."""

import os

import aisim

run = aisim.current_run()
assert run is aisim.current_run()  # one per process
for step in range(200):
    run.log({"loss": 1 / (step + 1), "val_acc": step / 200}, step=step)
if os.environ.get("AISIM_URL"):
    run.set_tags({"reported_by": "sdk"})
