"""
`aisim`: runs from a terminal. Human tables on a terminal, `--json` for
scripts; a refused request is one line on stderr, never a traceback.
Settings: flags, then AISIM_URL / AISIM_ACCESS_TOKEN, then the config file
(~/.config/aisim/config.toml: `url = "…"`, `token = "…"`).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import random
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import click
import httpx
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .client import Client
from .errors import AisimError, ApiError, ConfigError, ServiceUnavailable

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
# The service's text (run names, reasons, messages) is shown as it is, never read as Rich markup.
out = Console(highlight=False, markup=False)
err = Console(stderr=True, highlight=False, markup=False)

TERMINAL = ("finished", "failed", "cancelled")
# The shell's convention for a run cancelled (as by Ctrl-C); a failed run without its own code exits 1.
CANCELLED_EXIT = 130


class Context:
    url: Optional[str] = None
    token: Optional[str] = None
    project: Optional[str] = None
    json: bool = False


ctx = Context()


def config_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(os.environ.get("AISIM_CONFIG", os.path.join(base, "aisim", "config.toml")))


def file_settings() -> Dict[str, str]:
    path = config_file()
    if not path.exists():
        return {}
    toml = _toml()
    try:
        loaded = toml.loads(path.read_text())
    except toml.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None
    return {key: str(value) for key, value in loaded.items() if key in ("url", "token", "project")}


def _toml():
    """tomllib (Python 3.11+), or tomli, its backport, before that."""
    try:
        import tomllib

        return tomllib
    except ImportError:  # pragma: no cover - Python 3.9 and 3.10
        import tomli

        return tomli


def setting(flag: Optional[str], variable: str, key: str) -> Optional[str]:
    """A setting from its flag, else the environment, else the config file (read only when needed)."""
    return flag or os.environ.get(variable) or file_settings().get(key)


def client() -> Client:
    return Client(
        setting(ctx.url, "AISIM_URL", "url"),
        setting(ctx.token, "AISIM_ACCESS_TOKEN", "token"),
        project=setting(ctx.project, "AISIM_PROJECT", "project"),
    )


def emit(value: Any) -> None:
    out.print_json(json.dumps(value)) if sys.stdout.isatty() else print(json.dumps(value))


@app.callback()
def options(
    url: Optional[str] = typer.Option(None, "--url", help="The service (AISIM_URL)."),
    token: Optional[str] = typer.Option(None, "--token", help="An access token (AISIM_ACCESS_TOKEN)."),
    project: Optional[str] = typer.Option(
        None, "--project", help="Create and list runs in this project (AISIM_PROJECT); default: the token's own."
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON on stdout, for scripts."),
) -> None:
    ctx.url, ctx.token, ctx.project, ctx.json = url, token, project, as_json


# --- creating runs ---------------------------------------------------------------


def parse_pairs(pairs: List[str], what: str, typed: bool) -> Dict[str, Any]:
    """`key=value` pairs; a param's value is read as JSON when it is (0.1, true, "a"), else as text."""
    parsed: Dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ConfigError(f"{what} {pair!r} is not key=value")
        if typed:
            try:
                decoded = json.loads(value)
                parsed[key] = decoded if isinstance(decoded, (int, float, bool, str)) else value
            except ValueError:
                parsed[key] = value
        else:
            parsed[key] = value
    return parsed


@app.command()
def run(
    machine: int = typer.Argument(..., help="The machine's id."),
    program: Optional[str] = typer.Option(None, "--program", "-p", help="A program the machine declares (default: the emulator)."),
    name: Optional[str] = typer.Option(None, "--name", "-n", help="Default: the program and the time."),
    param: List[str] = typer.Option([], "--param", help="key=value, again for more."),
    tag: List[str] = typer.Option([], "--tag", help="key=value, again for more."),
    watch_it: bool = typer.Option(False, "--watch", "-w", help="Follow it to its end; exit as it ended."),
) -> None:
    """Creates a run on a machine; with --watch, follows it live and exits with its outcome."""
    with client() as service:
        created = service.create_run(
            machine,
            name=name or f"{program or 'emulate'} {time.strftime('%Y-%m-%d %H:%M:%S')}",
            program=program,
            params=parse_pairs(param, "--param", typed=True) or None,
            tags=parse_pairs(tag, "--tag", typed=False) or None,
        )
        if not watch_it:
            emit(created) if ctx.json else out.print(f"run {created['id']} created ({created['status']})")
            return
        follow(service, created["id"])


@app.command()
def watch(run_id: int = typer.Argument(...)) -> None:
    """Follows a run live (status, loss, progress) until it ends; exits as it ended."""
    with client() as service:
        follow(service, run_id)


def follow(service: Client, run_id: int) -> None:
    """A progress bar of the run's loss until its end, then the run's outcome as the exit code."""
    last: Dict[str, Any] = {"status": "pending", "loss": None, "points": 0}
    progress = Progress(
        TextColumn("[bold]run {task.fields[run]}"),
        TextColumn("{task.fields[status]:<9}"),
        BarColumn(),
        TextColumn("{task.fields[points]} points"),
        TextColumn("loss {task.fields[loss]}"),
        TimeElapsedColumn(),
        console=err,
        disable=ctx.json,
    )
    task = progress.add_task("", total=None, run=run_id, status="pending", points=0, loss="–")
    with progress:
        for event in service.curve_events(run_id):
            if event.name in ("status", "end"):
                last["status"] = event.data.get("status", last["status"])
            elif event.name == "points":
                points = event.data.get("points", [])
                last["points"] += len(points)
                if points:
                    last["loss"] = points[-1].get("loss")
            elif event.name == "attempt":
                last["points"] = 0
            loss = last["loss"]
            progress.update(
                task,
                status=last["status"],
                points=last["points"],
                loss="–" if loss is None else (f"{loss:.6g}" if isinstance(loss, float) else str(loss)),
            )
            if event.name == "end":
                progress.update(task, total=1, completed=1)
                break
    shown = service.run(run_id)
    if ctx.json:
        emit(shown)
    else:
        summary = f"run {run_id} {shown['status']}"
        if shown.get("exit_code") is not None:
            summary += f" (exit code {shown['exit_code']})"
        if shown.get("failure_reason"):
            summary += f": {shown['failure_reason'].splitlines()[0]}"
        out.print(summary)
    raise typer.Exit(exit_code_of(shown))


def exit_code_of(run: Dict[str, Any]) -> int:
    if run["status"] == "finished":
        return 0
    if run["status"] == "cancelled":
        return CANCELLED_EXIT
    code = run.get("exit_code")
    return code if isinstance(code, int) and 0 < code < 256 else 1


# --- reading runs ---------------------------------------------------------------------


@app.command("ls")
def list_runs(
    filter: Optional[str] = typer.Option(None, "--filter", "-f", help="The search language (docs/search.md)."),
    order_by: Optional[str] = typer.Option(None, "--order-by"),
    desc: bool = typer.Option(False, "--desc"),
    columns: Optional[str] = typer.Option(None, "--columns", help="params.lr,metrics.val_loss.min,…"),
    limit: int = typer.Option(50, "--limit", "-l"),
) -> None:
    """Lists runs, searched and sorted as GET /simulations does."""
    with client() as service:
        runs = list(
            service.runs(
                filter,
                order_by=order_by,
                order="desc" if desc else None,
                columns=columns.split(",") if columns else None,
                limit=limit,
            )
        )
    if ctx.json:
        return emit(runs)
    extra = columns.split(",") if columns else []
    table = Table("id", "name", "machine", "status", "created", *extra)
    for item in runs:
        shown = item.get("columns") or {}
        table.add_row(
            str(item["simulation_id"]),
            item["name"],
            str(item["machine_id"]),
            item["status"],
            item["creation_date"][:19].replace("T", " "),
            *(format_value(shown.get(column)) for column in extra),
        )
    out.print(table)


def format_value(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


@app.command()
def show(run_id: int = typer.Argument(...)) -> None:
    """One run: status, attempts, params, tags and each metric's summary."""
    with client() as service:
        shown = service.run(run_id)
        metrics = service.metrics(run_id)
    if ctx.json:
        return emit({**shown, "metrics": metrics})
    out.print(f"[bold]run {run_id}[/bold] {shown['name']!r} on machine {shown['machine_id']}: {shown['status']}")
    for key in ("program", "exit_code", "failure_reason", "started_at", "finished_at"):
        if shown.get(key) is not None:
            out.print(f"  {key}: {shown[key]}")
    for title, entries in (("params", shown.get("params") or {}), ("tags", shown.get("tags") or {})):
        if entries:
            out.print(f"  {title}: " + ", ".join(f"{k}={format_value(v)}" for k, v in entries.items()))
    if metrics:
        table = Table("metric", "count", "last", "min", "at step", "max")
        for metric in metrics:
            table.add_row(
                metric["name"],
                str(metric["count"]),
                format_value(metric.get("last")),
                format_value(metric.get("min")),
                format_value(metric.get("min_step")),
                format_value(metric.get("max")),
            )
        out.print(table)


@app.command()
def logs(
    run_id: int = typer.Argument(...),
    follow_it: bool = typer.Option(False, "--follow", "-f", help="Go on as the run prints, to its end."),
    tail: Optional[int] = typer.Option(None, "--tail", help="Only the last N lines."),
) -> None:
    """A program run's output (stdout and stderr, as its worker stored it)."""
    with client() as service:
        if not follow_it:
            sys.stdout.write(service.log_text(run_id, tail))
            return
        for event in service.log_events(run_id):
            if event.name == "lines":
                for line in event.data.get("lines", []):
                    stream = sys.stderr if line.get("stream") == "stderr" else sys.stdout
                    stream.write(line.get("text", "") + "\n")
                    stream.flush()


@app.command()
def compare(
    run_ids: List[int] = typer.Argument(..., help="2 to 100 run ids."),
    metric: Optional[str] = typer.Option(None, "--metric", "-m"),
) -> None:
    """Runs side by side: the params that differ, and each metric's summary."""
    with client() as service:
        answer = service.compare(run_ids, metric=metric)
    if ctx.json:
        return emit(answer)
    differing = sorted((answer.get("params") or {}).get("differing") or [])
    runs = answer.get("runs", [])
    names = sorted({m["name"] for run in runs for m in (run.get("metrics") or [])})
    table = Table("id", "name", "status", *differing, *(f"{n} min" for n in names), *(f"{n} last" for n in names))
    for item in runs:
        by_name = {m["name"]: m for m in item.get("metrics") or []}
        params = item.get("params") or {}
        table.add_row(
            str(item["simulation_id"]),
            item["name"],
            item["status"],
            *(format_value(params.get(key)) for key in differing),
            *(format_value(by_name.get(n, {}).get("min")) for n in names),
            *(format_value(by_name.get(n, {}).get("last")) for n in names),
        )
    out.print(table)


@app.command()
def export(
    run_id: int = typer.Argument(...),
    metric: str = typer.Option("loss", "--metric", "-m"),
    format: str = typer.Option("csv", "--format", help="csv or ndjson"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="A file (default: stdout)."),
) -> None:
    """Every point of one metric, exactly, as CSV or NDJSON."""
    if format not in ("csv", "ndjson"):
        raise ConfigError(f"--format must be csv or ndjson, not {format!r}")
    with client() as service:
        sink = open(output, "wb") if output else sys.stdout.buffer
        try:
            for chunk in service.export_chunks(run_id, metric, format):
                sink.write(chunk)
        finally:
            if output:
                sink.close()


@app.command()
def cancel(run_id: int = typer.Argument(...)) -> None:
    """Cancels a pending or running run (a program gets SIGTERM)."""
    with client() as service:
        answer = service.cancel(run_id)
    emit(answer) if ctx.json else out.print(f"run {run_id} {answer.get('status', 'cancelled')}")


@app.command()
def retry(run_id: int = typer.Argument(...)) -> None:
    """Runs a failed or cancelled run again, as a new attempt."""
    with client() as service:
        answer = service.retry(run_id)
    emit(answer) if ctx.json else out.print(f"run {run_id} {answer.get('status', 'pending')} again")


# --- sweeps --------------------------------------------------------------------------


def sweep_runs(spec: Dict[str, Any]) -> List[Dict[str, Any]]:
    """
    The runs of a sweep file: `grid` (every combination of its lists) or
    `random` (`count` draws: a list is a choice, {min, max} uniform,
    {min, max, log: true} log-uniform), beside fixed `params`.
    """
    if "machine" not in spec:
        raise ConfigError("the sweep file needs `machine` (a machine's id)")
    fixed = dict(spec.get("params") or {})
    name = spec.get("name", "sweep")
    combos: List[Dict[str, Any]]
    if "grid" in spec:
        grid = spec["grid"]
        keys = list(grid)
        combos = [dict(zip(keys, values)) for values in itertools.product(*(grid[k] for k in keys))]
    elif "random" in spec:
        space = spec["random"]
        draw = random.Random(spec.get("seed"))
        combos = [
            {key: sample(draw, key, dimension) for key, dimension in space.items()}
            for _ in range(int(spec.get("count", 10)))
        ]
    else:
        raise ConfigError("the sweep file needs `grid` or `random`")
    runs = []
    for index, combo in enumerate(combos):
        item: Dict[str, Any] = {"machine_id": int(spec["machine"]), "name": f"{name}-{index + 1}", "params": {**fixed, **combo}}
        if spec.get("program"):
            item["program"] = spec["program"]
        if spec.get("tags"):
            item["tags"] = dict(spec["tags"])
        runs.append(item)
    return runs


def sample(draw: random.Random, key: str, dimension: Any) -> Any:
    if isinstance(dimension, list):
        return draw.choice(dimension)
    if isinstance(dimension, dict) and "min" in dimension and "max" in dimension:
        low, high = float(dimension["min"]), float(dimension["max"])
        if dimension.get("log"):
            return math.exp(draw.uniform(math.log(low), math.log(high)))
        if dimension.get("integer"):
            return draw.randint(int(low), int(high))
        return draw.uniform(low, high)
    raise ConfigError(f"random.{key}: a list of choices or {{min, max[, log, integer]}}")


@app.command()
def sweep(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A sweep file (.json or .toml)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the runs, create nothing."),
) -> None:
    """Creates a sweep's runs in one batch (all or none)."""
    text = file.read_text()
    try:
        spec = _toml().loads(text) if file.suffix == ".toml" else json.loads(text)
    except ValueError as error:  # JSON's and TOML's decode errors both are
        raise ConfigError(f"{file}: {error}") from None
    if not isinstance(spec, dict):
        raise ConfigError(f"{file}: a sweep file holds a table (an object), not {type(spec).__name__}")
    runs = sweep_runs(spec)
    if not runs:
        raise ConfigError(f"{file}: the sweep makes no runs")
    if dry_run:
        return emit(runs)
    with client() as service:
        ids = [item["id"] for item in service.create_runs(runs)]
    emit(ids) if ctx.json else out.print(f"{len(ids)} runs created: {ids[0]}–{ids[-1]}")


@app.command()
def sync(
    spool_dir: Optional[Path] = typer.Option(None, "--spool-dir", help="Default: AISIM_SPOOL_DIR or ~/.cache/aisim/spool."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds to wait for the service, per run."),
) -> None:
    """Sends the reports processes left in the spool (the service was away when they exited)."""
    from .settings import Settings
    from .sync import send_spools

    root = spool_dir or Settings.resolve().spool_root
    outcomes = send_spools(root, timeout)
    if ctx.json:
        emit([{**vars(outcome), "directory": str(outcome.directory)} for outcome in outcomes])
    else:
        if not outcomes:
            out.print(f"nothing waits in {root}")
        for outcome in outcomes:
            what = f"run {outcome.run_id}: {outcome.reports} reports ({outcome.points:,} points)"
            out.print(f"{what} sent" if outcome.sent else f"{what} not sent: {outcome.problem}")
    if any(not outcome.sent for outcome in outcomes):
        raise typer.Exit(1)


@app.command()
def token(
    client_id: Optional[str] = typer.Option(None, "--client-id", envvar="AISIM_CLIENT_ID"),
    client_secret: Optional[str] = typer.Option(None, "--client-secret", envvar="AISIM_CLIENT_SECRET"),
) -> None:
    """A service account's access token (POST /auth/token), printed alone: `export AISIM_ACCESS_TOKEN=$(aisim token)`."""
    if not client_id or not client_secret:
        raise ConfigError("aisim token needs --client-id and --client-secret (or AISIM_CLIENT_ID, AISIM_CLIENT_SECRET)")
    from .settings import Settings
    from .transport import Transport

    settings = Settings.resolve(url=setting(ctx.url, "AISIM_URL", "url"))
    transport = Transport(settings.url, None)
    try:
        answer = transport.request(
            "POST", "/auth/token", json={"client_id": client_id, "client_secret": client_secret}
        )
    finally:
        transport.close()
    if not isinstance(answer, dict) or "access_token" not in answer:
        raise AisimError("POST /auth/token answered no access_token")
    print(answer["access_token"])


def main() -> None:
    """
    Exit codes: 0 done; 1 the service refused (4xx) or another error; 2 a
    usage or setting error, or the service unreachable; 130 interrupted.
    `run --watch` and `watch` exit as the run ended.
    """
    try:
        code = app(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(CANCELLED_EXIT)
    except click.exceptions.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except ApiError as error:
        say(f"{error.message} ({error.status})")
        sys.exit(1)
    except (ConfigError, ServiceUnavailable) as error:
        say(str(error))
        sys.exit(2)
    except httpx.TransportError as error:
        say(f"the service is unreachable: {error}")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(CANCELLED_EXIT)
    except Exception as error:  # never a traceback: one line that names it
        say(f"{type(error).__name__}: {error}")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def say(message: str) -> None:
    err.print(f"aisim: {message}")


if __name__ == "__main__":
    main()
