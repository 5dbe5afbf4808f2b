"""The `aisim` command as people use it: in a terminal, and from scripts with --json."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

AISIM = str(Path(sys.executable).parent / "aisim")


def aisim(*args: str, env=None) -> subprocess.CompletedProcess:
    """The command with its output captured (not a terminal): what scripts see."""
    return subprocess.run(
        [AISIM, *args], capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )


def in_terminal(*args: str, timeout: float = 120) -> tuple:
    """The command on a pseudo-terminal, as a person runs it: (exit code, everything it showed)."""
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [AISIM, *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm-256color"},
        close_fds=True,
    )
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            shown += chunk
        elif child.poll() is not None:
            break
    os.close(leader)
    return child.wait(timeout=10), shown.decode(errors="replace")


def plain(text: str) -> str:
    """What a terminal shows, without its control sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r", "", text)


def test_run_watch_shows_progress_live_and_exits_zero_when_the_run_finishes(machine):
    code, shown = in_terminal("run", str(machine), "--name", "cli watched", "--param", "lr=0.01", "--watch")
    assert code == 0, shown
    text = plain(shown)
    # The progress line as it went (a terminal gets the bar redrawn in place), then the outcome.
    assert "\x1b[" in shown  # drawn for a terminal, not printed as a log
    assert re.search(r"run \d+ +(pending|running|finished)", text), text
    assert re.search(r"\d+ points +loss \d", text), text
    assert re.search(r"run \d+ finished", text), text


def test_run_watch_exits_with_the_programs_own_exit_code_when_it_fails():
    machine = os.environ["AISIM_TEST_HTTP_MACHINE"]
    code, shown = in_terminal("run", machine, "--program", "sdk-exits", "--watch")
    text = plain(shown)
    assert code == 3, text
    assert re.search(r"run \d+ failed \(exit code 3\)", text), text
    run_id = re.search(r"run (\d+) failed", text).group(1)
    logs = aisim("logs", run_id)
    assert logs.returncode == 0, logs.stderr
    assert "failing on purpose" in logs.stdout


# Names of this session's runs: a search finds these and no others.
SESSION = uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def two_runs(machine):
    """Two emulated runs created and watched to their end with --json: what `run --watch` prints."""
    runs = []
    for suffix, lr in (("a", "0.1"), ("b", "0.2")):
        done = aisim("--json", "run", str(machine), "--name", f"cli {SESSION} {suffix}", "--param", f"lr={lr}", "--watch")
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    return runs


def test_the_training_example_from_one_command(client):
    """examples/programs/train_digits.py, declared on the worker: a real model trained, watched live."""
    machine = os.environ["AISIM_TEST_HTTP_MACHINE"]
    code, shown = in_terminal("run", machine, "--program", "train-digits", "--param", "epochs=15", "--watch")
    text = plain(shown)
    assert code == 0, text
    run_id = int(re.search(r"run (\d+) finished", text).group(1))
    metrics = {metric["name"]: metric for metric in client.metrics(run_id)}
    assert metrics["val_acc"]["count"] == 15
    assert metrics["val_acc"]["max"] > 0.8  # what real training on the digits reaches, not a fixed curve
    assert metrics["loss"]["last"] < metrics["loss"]["max"]


def test_json_for_scripts_ls_show_compare_export(two_runs):
    a, b = two_runs
    assert (a["status"], a["params"]) == ("finished", {"lr": 0.1})

    listed = aisim("--json", "ls", "--filter", f'name LIKE "cli {SESSION} %"', "--order-by", "name")
    assert [run["simulation_id"] for run in json.loads(listed.stdout)] == [a["simulation_id"], b["simulation_id"]]

    shown = json.loads(aisim("--json", "show", str(a["simulation_id"])).stdout)
    assert [metric["name"] for metric in shown["metrics"]] == ["loss"]

    compared = json.loads(aisim("--json", "compare", str(a["simulation_id"]), str(b["simulation_id"])).stdout)
    assert "lr" in compared["params"]["differing"]

    exported = aisim("export", str(a["simulation_id"]), "--format", "csv")
    lines = exported.stdout.strip().split("\n")
    assert lines[0] == "seconds,value,step"
    assert len(lines) - 1 == shown["metrics"][0]["count"]


def test_human_tables_on_a_terminal(two_runs):
    code, shown = in_terminal("ls", "--filter", f'name LIKE "cli {SESSION} %"', "--columns", "params.lr")
    text = plain(shown)
    assert code == 0, text
    assert "params.lr" in text and f"cli {SESSION} a" in text and "0.1" in text


def test_a_refused_request_is_one_line_and_no_traceback():
    done = aisim("show", "999999")
    assert done.returncode == 1
    assert done.stderr.strip().startswith("aisim:")
    assert "not found" in done.stderr and "(404)" in done.stderr
    assert "Traceback" not in done.stderr
    bad = aisim("ls", "--filter", "params.lr >")
    assert bad.returncode == 1 and "(400)" in bad.stderr and "Traceback" not in bad.stderr


def test_project_creates_and_lists_in_that_project_only(machine):
    project, team_token = os.environ["AISIM_TEST_PROJECT"], os.environ["AISIM_TEST_PROJECT_TOKEN"]
    team = {"AISIM_ACCESS_TOKEN": team_token}
    name = f"cli {SESSION} in {project}"
    created = aisim("--json", "--project", project, "run", str(machine), "--name", name, env=team)
    assert created.returncode == 0, created.stderr
    run_id = json.loads(created.stdout)["id"]
    by_name = ("--json", "ls", "--filter", f'name = "{name}"')

    listed = aisim(*by_name, env={**team, "AISIM_PROJECT": project})
    assert [run["simulation_id"] for run in json.loads(listed.stdout)] == [run_id]
    # A token without project scope acts in `default`: the team's run is not there, nor its project.
    assert json.loads(aisim(*by_name).stdout) == []
    refused = aisim("--project", project, "ls")
    assert refused.returncode == 1 and "(404)" in refused.stderr and "Traceback" not in refused.stderr


def test_the_service_away_is_said_plainly():
    done = aisim("--url", "http://127.0.0.1:9", "ls")
    assert done.returncode == 2
    assert "unreachable" in done.stderr and "Traceback" not in done.stderr


def test_settings_from_a_config_file(tmp_path, url, operator_token, machine):
    config = tmp_path / "config.toml"
    config.write_text(f'url = "{url}"\ntoken = "{operator_token}"\n')
    env = {"AISIM_CONFIG": str(config), "AISIM_URL": "", "AISIM_ACCESS_TOKEN": ""}
    done = aisim("--json", "ls", "--limit", "1", env=env)
    assert done.returncode == 0, done.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("url = \n")
    done = aisim("ls", env={**env, "AISIM_CONFIG": str(broken)})
    assert done.returncode == 2 and str(broken) in done.stderr


def test_sweep_creates_a_grid_as_one_batch(tmp_path, client, machine):
    sweep = tmp_path / "sweep.json"
    sweep.write_text(
        json.dumps({"machine": machine, "name": "cli grid", "params": {"epochs": 3}, "grid": {"lr": [0.1, 0.01], "batch": [32, 64]}})
    )
    planned = json.loads(aisim("--json", "sweep", str(sweep), "--dry-run").stdout)
    assert len(planned) == 4
    done = aisim("--json", "sweep", str(sweep))
    assert done.returncode == 0, done.stderr
    ids = json.loads(done.stdout)
    params = sorted((client.run(i)["params"]["lr"], client.run(i)["params"]["batch"]) for i in ids)
    assert params == [(0.01, 32), (0.01, 64), (0.1, 32), (0.1, 64)]
    assert all(client.run(i)["params"]["epochs"] == 3 for i in ids)


def test_random_sweep_draws_within_bounds(tmp_path, machine):
    sweep = tmp_path / "sweep.toml"
    sweep.write_text(
        f'machine = {machine}\ncount = 20\nseed = 7\n[random]\nlr = {{min = 0.0001, max = 0.1, log = true}}\n'
        'optimizer = ["adam", "sgd"]\nlayers = {min = 1, max = 4, integer = true}\n'
    )
    planned = json.loads(aisim("--json", "sweep", str(sweep), "--dry-run").stdout)
    assert len(planned) == 20
    for run in planned:
        assert 0.0001 <= run["params"]["lr"] <= 0.1
        assert run["params"]["optimizer"] in ("adam", "sgd")
        assert run["params"]["layers"] in (1, 2, 3, 4)


@pytest.mark.parametrize("args, problem", [(["sweep", "missing.json"], "does not exist"), (["run", "x"], "not a valid integer")])
def test_usage_errors_name_the_problem(args, problem):
    done = aisim(*args)
    assert done.returncode == 2
    assert problem in done.stderr.replace("'", "")


def test_cancel_and_retry(machine, client):
    created = client.create_run(machine, name="cli cancel", program="sdk-sleeps")
    cancelled = aisim("cancel", str(created["id"]))
    assert cancelled.returncode == 0 and "cancelled" in cancelled.stdout
    retried = aisim("--json", "retry", str(created["id"]))
    assert retried.returncode == 0, retried.stderr
    assert client.run(created["id"])["attempt"] >= 1
    aisim("cancel", str(created["id"]))


def test_the_services_text_is_shown_as_it_is(machine, client):
    name = f"cli [bold]{SESSION}[/bold] [/x] run"
    client.create_run(machine, name=name)
    done = aisim("ls", "--filter", f'name = "{name}"', env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert name in done.stdout


def test_a_bad_sweep_file_is_one_line(tmp_path):
    sweep = tmp_path / "sweep.json"
    sweep.write_text("{not json")
    done = aisim("sweep", str(sweep))
    assert done.returncode == 2 and str(sweep) in done.stderr and "Traceback" not in done.stderr
