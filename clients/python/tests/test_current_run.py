"""current_run() in a program a worker runs: its metrics reach the run, whichever way the worker allows."""

from __future__ import annotations

import os

from conftest import eventually


def run_program(client, machine: int) -> dict:
    run_id = client.create_run(machine, program="sdk-current-run", name="sdk current_run")["id"]
    return eventually(
        lambda: (run := client.run(run_id))["status"] in ("finished", "failed") and run,
        timeout=60,
        what=f"run {run_id} to end",
    )


def test_with_the_workers_url_a_program_reports_over_http(client):
    run = run_program(client, int(os.environ["AISIM_TEST_HTTP_MACHINE"]))
    assert (run["status"], run.get("exit_code")) == ("finished", 0), run
    steps = [point["step"] for point in client.export(run["simulation_id"], "val_acc")]
    assert steps == list(range(200))
    assert run["tags"] == {"reported_by": "sdk"}


def test_without_it_a_programs_metrics_go_out_as_stdout_records(client):
    run = run_program(client, int(os.environ["AISIM_TEST_STDOUT_MACHINE"]))
    assert (run["status"], run.get("exit_code")) == ("finished", 0), run
    points = list(client.export(run["simulation_id"], "loss"))
    assert [point["step"] for point in points] == list(range(200))
    assert points[0]["value"] == 1.0
    assert run["tags"] == {}
