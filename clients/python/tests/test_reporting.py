"""A script reports a run: what it logs is what the service stores, exactly."""

from __future__ import annotations

import math

import pytest

import aisim
from conftest import eventually


def test_a_run_reports_metrics_params_and_tags_and_reads_back_exactly(client, machine):
    sent = {"loss": [], "val_loss": [], "val_acc": []}
    with aisim.start_run(machine, name="sdk walkthrough", params={"lr": 0.01, "optimizer": "adam"}) as run:
        run.log_params({"batch": 64, "augment": True})
        run.set_tags({"stage": "warmup"})
        for step in range(3000):
            values = {"loss": 1 / (step + 1), "val_loss": 1.1 / (step + 1), "val_acc": step / 3000}
            run.log(values, step=step)
            for name, value in values.items():
                sent[name].append((step, value))
        run.set_tags({"stage": "done"})

    shown = client.run(run.id)
    assert shown["status"] == "finished"
    assert shown["program"] == "external"
    assert shown["exit_code"] == 0
    assert shown["params"] == {"lr": 0.01, "optimizer": "adam", "batch": 64, "augment": True}
    assert shown["tags"] == {"stage": "done"}
    for name, points in sent.items():
        stored = list(client.export(run.id, name))
        assert [(point["step"], point["value"]) for point in stored] == points
        seconds = [point["seconds"] for point in stored]
        assert all(later > earlier for earlier, later in zip(seconds, seconds[1:]))
    summaries = {metric["name"]: metric for metric in client.metrics(run.id)}
    assert summaries["val_acc"]["count"] == 3000
    assert summaries["loss"]["min"] == pytest.approx(1 / 3000)


def test_numpy_like_scalars_and_non_finite_values_are_stored_as_they_are(client, machine):
    class Scalar:
        """A NumPy or PyTorch scalar: no JSON number, but float() of it is."""

        def __init__(self, value):
            self.value = value

        def __float__(self):
            return self.value

    with aisim.start_run(machine, name="sdk non-finite") as run:
        run.log({"loss": Scalar(0.5)}, step=0)
        run.log({"loss": math.nan}, step=1)
        run.log({"loss": math.inf}, step=2)
        run.log({"loss": -math.inf}, step=3)
    values = [point["value"] for point in client.export(run.id, "loss")]
    assert values == [0.5, "NaN", "Infinity", "-Infinity"]


@pytest.mark.parametrize(
    "call, problem",
    [
        (lambda run: run.log({"bad name!": 1.0}), "is not a name the service takes"),
        (lambda run: run.log({"loss": "high"}), "is not a number"),
        (lambda run: run.log({"loss": 1.0}, step=-1), "step must be ≥ 0"),
        (lambda run: run.log({"loss": 1.0}, step=1.5), "step must be a whole number"),
        (lambda run: run.log_params({"lr": [0.1]}), "must be a number, a string or a boolean"),
        (lambda run: run.log_params({"lr": math.nan}), "must be a finite number"),
        (lambda run: run.set_tags({"stage": 3}), "must be a string"),
    ],
)
def test_a_wrong_argument_fails_the_call_that_gave_it(machine, call, problem):
    with aisim.start_run(machine, name="sdk bad input") as run:
        with pytest.raises((TypeError, ValueError), match=problem):
            call(run)


def test_an_exception_in_the_block_fails_the_run_with_it(client, machine):
    with pytest.raises(RuntimeError):
        with aisim.start_run(machine, name="sdk failing") as run:
            run.log({"loss": 0.9}, step=0)
            raise RuntimeError("diverged at step 0")
    shown = client.run(run.id)
    assert shown["status"] == "failed"
    assert shown["exit_code"] == 1
    reasons = [attempt.get("reason") or "" for attempt in shown["attempts"]]
    assert any("RuntimeError: diverged at step 0" in reason for reason in reasons), shown
    assert [point["value"] for point in client.export(run.id, "loss")] == [0.9]


def test_a_cancelled_run_stops_the_loop_at_its_next_call(client, machine):
    run = aisim.start_run(machine, name="sdk cancelled")
    run.log({"loss": 1.0}, step=0)
    assert run.flush(10)
    client.cancel(run.id)
    # The next report hears of it; the call after that raises.
    run.log({"loss": 0.5}, step=1)
    run.flush(10)
    assert "cancelled" in (run.stopped or "")
    with pytest.raises(aisim.RunStopped, match="cancelled"):
        run.log({"loss": 0.25}, step=2)
    run.finish()  # nothing to end: the service ended it
    assert client.run(run.id)["status"] == "cancelled"


def test_a_param_given_another_value_is_refused_and_the_rest_arrives(client, machine):
    with aisim.start_run(machine, name="sdk param twice", params={"lr": 0.01}) as run:
        # In one batch with the points around it: the refused param takes none of them along.
        run.log({"loss": 1.0}, step=0)
        run.log_params({"lr": 0.02})
        run.log({"loss": 0.5}, step=1)
        assert run.flush(10) is False  # not everything was stored, and flush says so
        run.log({"loss": 0.25}, step=2)
        assert run.flush(10) is True
    assert [error.status for error in run._reporter.refused] == [409]
    assert "lr" in run._reporter.refused[0].message
    assert [point["value"] for point in client.export(run.id, "loss")] == [1.0, 0.5, 0.25]
    assert client.run(run.id)["params"] == {"lr": 0.01}


def test_a_quarter_million_points_go_as_ndjson_reports_and_all_arrive(client, machine):
    with aisim.start_run(machine, name="sdk volume") as run:
        for step in range(125_000):
            run.log({"loss": 1 / (step + 1), "lr": 0.1}, step=step)
    assert run._reporter.sent_points == 250_000
    stored = list(client.export(run.id, "loss"))
    assert len(stored) == 125_000
    assert [point["step"] for point in stored] == list(range(125_000))


def test_a_run_silent_for_a_while_keeps_its_lease_by_heartbeat(client, machine, monkeypatch):
    run = aisim.start_run(machine, name="sdk heartbeat")
    run._reporter.heartbeat_every = 0.2
    before = client.run(run.id)["heartbeat_at"]
    eventually(lambda: client.run(run.id)["heartbeat_at"] != before, what="a heartbeat")
    run.finish()
    assert client.run(run.id)["status"] == "finished"


def test_two_threads_logging_at_once_lose_nothing(client, machine):
    import sys
    import threading

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads taking turns as often as they can
    try:
        with aisim.start_run(machine, name="sdk two threads") as run:

            def loop(metric):
                for step in range(5000):
                    run.log({metric: step}, step=step)

            threads = [threading.Thread(target=loop, args=(metric,)) for metric in ("loss", "val_loss")]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            run.log({"loss": 0, "val_loss": 0}, step=5000)
    finally:
        sys.setswitchinterval(switch)
    assert run._reporter.refused == []
    for metric in ("loss", "val_loss"):
        assert len(list(client.export(run.id, metric))) == 5001


@pytest.mark.parametrize(
    "call, problem",
    [
        (lambda run: run.log({"loss\n": 1.0}), "is not a name"),
        (lambda run: run.log({"loss": 1.0}, step=True), "whole number"),
        (lambda run: run.log({"loss": 1.0}, step=2**53), "at most 2\\*\\*53"),
        (lambda run: run.log_params({f"p{i}": i for i in range(201)}), "at most 200"),
        (lambda run: run.log_params({"note": "x" * 501}), "at most 500"),
        (lambda run: run.set_tags({"note": "a\x00b"}), "NUL"),
        (lambda run: run.set_tags({"note": "x" * 5001}), "at most 5000"),
    ],
)
def test_what_the_service_would_refuse_is_refused_at_the_call(machine, call, problem):
    with aisim.start_run(machine, name="sdk limits") as run:
        with pytest.raises((TypeError, ValueError), match=problem):
            call(run)


def test_a_refused_param_in_the_last_batch_still_lets_the_run_end(client, machine):
    with aisim.start_run(machine, name="sdk refused at the end", params={"lr": 0.01}) as run:
        run.log({"loss": 1.0}, step=0)
        run.log_params({"lr": 0.02})
    assert [error.status for error in run._reporter.refused] == [409]
    shown = client.run(run.id)
    assert (shown["status"], shown["params"]) == ("finished", {"lr": 0.01})
    assert [point["value"] for point in client.export(run.id, "loss")] == [1.0]
