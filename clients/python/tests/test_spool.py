"""The service away and back: nothing logged is lost, nothing is stored twice."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import aisim
from conftest import eventually
from aisim.outbox import NDJSON, SPOOL_NAME, Outbox, Report
from proxy import Proxy


@pytest.fixture
def proxy(url):
    proxy = Proxy(url)
    yield proxy
    proxy.down()


def spooled_reports(directory: Path):
    """Reports waiting to be sent (not those set aside as refused)."""
    return sorted(
        path for path in directory.glob("run-*-attempt-*/[0-9]*json") if SPOOL_NAME.match(path.parent.name)
    )


def test_while_the_service_is_unreachable_reports_go_to_disk_and_then_all_arrive_once(
    client, machine, proxy, tmp_path
):
    run = aisim.start_run(machine, name="sdk outage", url=proxy.url)
    for step in range(100):
        run.log({"loss": 1 / (step + 1)}, step=step)
    assert run.flush(10)

    proxy.down()
    for step in range(100, 400):
        run.log({"loss": 1 / (step + 1)}, step=step)
        if step % 100 == 99:
            assert not run.flush(0.6)  # nothing gets through…
    # …and what waits is on disk, not only in memory.
    spool = tmp_path / "spool"
    eventually(lambda: spooled_reports(spool), what="reports spooled to disk")

    proxy.up()
    assert run.flush(30)
    assert not spooled_reports(spool)
    run.finish()
    stored = list(client.export(run.id, "loss"))
    assert [point["step"] for point in stored] == list(range(400))
    assert client.run(run.id)["status"] == "finished"


def test_reports_whose_answers_were_lost_are_sent_again_and_stored_once(client, machine, proxy):
    run = aisim.start_run(machine, name="sdk lost answers", url=proxy.url)
    proxy.drop_answers(3)
    for step in range(50):
        run.log({"loss": 1 / (step + 1), "val_loss": 2 / (step + 1)}, step=step)
        if step % 10 == 9:
            assert run.flush(30)
    run.finish()
    assert proxy.dropped == 3
    for metric in ("loss", "val_loss"):
        assert [point["step"] for point in client.export(run.id, metric)] == list(range(50))
    assert run._reporter.refused == []


def run_script(body: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(body)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_script_that_never_finishes_its_run_has_it_finished_at_exit_with_everything(client, machine):
    # The run made in a function that has returned by the exit: nothing holds it but the SDK.
    done = run_script(
        f"""
        import aisim

        def main():
            run = aisim.start_run({machine}, name="sdk exit")
            print(run.id, flush=True)
            for step in range(20_000):
                run.log({{"loss": 1 / (step + 1)}}, step=step)

        main()
        """,
        {},
    )
    assert done.returncode == 0, done.stderr
    run_id = int(done.stdout.split()[0])
    assert client.run(run_id)["status"] == "finished"
    assert len(list(client.export(run_id, "loss"))) == 20_000


def test_a_script_dying_of_an_exception_has_its_run_failed_with_it(client, machine):
    done = run_script(
        f"""
        import aisim
        run = aisim.start_run({machine}, name="sdk uncaught")
        print(run.id, flush=True)
        run.log({{"loss": 1.0}}, step=0)
        raise ValueError("bad batch")
        """,
        {},
    )
    assert done.returncode == 1
    run_id = int(done.stdout.split()[0])
    shown = client.run(run_id)
    assert shown["status"] == "failed"
    assert "ValueError: bad batch" in shown.get("failure_reason", "")
    assert len(list(client.export(run_id, "loss"))) == 1


def test_at_exit_with_the_service_away_what_is_left_stays_on_disk(client, machine, proxy, tmp_path):
    spool = tmp_path / "exit-spool"
    # The script waits for the proxy to go down between its two halves: driven by a pipe.
    script = textwrap.dedent(
        f"""
        import sys
        import aisim, aisim.run
        aisim.run.EXIT_FLUSH_SECONDS = 1
        run = aisim.start_run({machine}, name="sdk exit away", url="{proxy.url}")
        run.log({{"loss": 1.0}}, step=0)
        assert run.flush(10)
        print(run.id, flush=True)
        sys.stdin.readline()
        for step in range(1, 100):
            run.log({{"loss": 1 / (step + 1)}}, step=step)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        env={**os.environ, "AISIM_SPOOL_DIR": str(spool)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    run_id = int(child.stdout.readline())
    proxy.down()
    child.stdin.write("go\n")
    child.stdin.flush()
    _, errors = child.communicate(timeout=60)
    assert child.returncode == 0, errors
    assert "not sent yet" in errors and str(spool) in errors
    files = spooled_reports(spool)
    assert files, errors
    # The run was not ended: ending it would refuse what waits on disk.
    assert client.run(run_id)["status"] == "running"

    # Back, and `aisim sync` sends what the script left: every point once.
    proxy.up()
    synced = aisim_command("sync", env={"AISIM_SPOOL_DIR": str(spool)})
    assert synced.returncode == 0, synced.stderr
    assert f"run {run_id}: " in synced.stdout and "(99 points) sent" in synced.stdout
    assert [point["step"] for point in client.export(run_id, "loss")] == list(range(100))
    assert not spooled_reports(spool)
    assert "nothing waits" in aisim_command("sync", env={"AISIM_SPOOL_DIR": str(spool)}).stdout
    client.cancel(run_id)


def test_a_spool_of_a_run_that_has_ended_is_dropped_and_said_so(client, machine, tmp_path):
    spool = tmp_path / "ended-spool"
    run = aisim.start_run(machine, name="sdk spool of an ended run", spool_dir=spool)
    left = run._reporter.outbox
    run.log({"loss": 1.0}, step=0)
    run.finish()
    # A report the process never got to send, left as it would have left it.
    outbox = Outbox(left.directory, sender=left.sender)
    outbox.push(Report(41, b'{"sequence":41}\n{"metric":"loss","value":0.5,"seconds":9.0}\n', NDJSON, 1))
    outbox.spill()
    # While a live process holds its spool, sync leaves it to that process.
    assert "nothing waits" in aisim_command("sync", env={"AISIM_SPOOL_DIR": str(spool)}).stdout
    assert len(spooled_reports(spool)) == 1
    outbox.release()  # the process exits
    synced = aisim_command("sync", env={"AISIM_SPOOL_DIR": str(spool)})
    assert synced.returncode == 1
    assert f"run {run.id}: 1 reports (1 points) not sent" in synced.stdout
    assert "has ended (finished)" in synced.stdout
    # Never sent again, never deleted: set aside, with what it was.
    assert not spooled_reports(spool)
    assert [path.name for path in spool.glob("*.refused-*/[0-9]*json")] == [f"{41:020d}.ndjson"]


def aisim_command(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "aisim"), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("code, status, exit_code", [(0, "finished", 0), (3, "failed", 3)])
def test_sys_exit_in_the_block_ends_the_run_as_its_code_says(client, machine, code, status, exit_code):
    done = run_script(
        f"""
        import sys, aisim
        with aisim.start_run({machine}, name="sdk sys.exit") as run:
            print(run.id, flush=True)
            run.log({{"loss": 1.0}}, step=0)
            sys.exit({code})
        """,
        {},
    )
    assert done.returncode == code, done.stderr
    shown = client.run(int(done.stdout.split()[0]))
    assert (shown["status"], shown.get("exit_code")) == (status, exit_code)
