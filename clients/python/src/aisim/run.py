"""A run as a training script sees it: log, params, tags, finish."""

from __future__ import annotations

import atexit
import json
import math
import numbers
import operator
import os
import re
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Set, Union

from .errors import AisimError, ApiError, ConfigError, RunStopped
from .outbox import Outbox
from .reporter import Reporter
from .settings import Settings
from .transport import Transport

Scalar = Union[int, float, str, bool]

# The service's rule for metric, param and tag names (docs/api.md): checked
# here so a bad name fails the call that gave it, not a whole report later.
KEY_PATTERN = re.compile(
    r"^(?:[A-Za-z0-9_\-/: ][A-Za-z0-9_\-./: ]{0,249}"
    r"|\.[A-Za-z0-9_\-/: ][A-Za-z0-9_\-./: ]{0,248}"
    r"|\.\.[A-Za-z0-9_\-./: ]{1,248})$"
)
KEY_RULE = "1 to 250 letters, digits, spaces and _ - . / :, not . or .. alone"
# The service's bounds on what a run carries (docs/api.md#params-and-tags), checked at the call.
MAX_PARAMS = 200
MAX_PARAM_TEXT = 500
MAX_TAGS = 200
MAX_TAG_TEXT = 5000
MAX_METRICS = 1000
MAX_STEP = 2**53 - 1
NON_FINITE_TEXT = {"NaN": '"NaN"', "Infinity": '"Infinity"', "-Infinity": '"-Infinity"'}
# An external run's lease is 20 s unless the service says otherwise: a heartbeat well within it.
HEARTBEAT_SECONDS = 5.0
# How long exit waits for the service to take what is left before leaving it in the spool.
EXIT_FLUSH_SECONDS = 30.0


isfinite = math.isfinite


def _json_value(number: float) -> Any:
    """A value as the API takes it: a number, or NaN and the infinities by name."""
    if isfinite(number):
        return number
    if number != number:
        return "NaN"
    return "Infinity" if number > 0 else "-Infinity"


def _check_text(kind: str, key: str, value: str, most: int) -> None:
    if len(value) > most:
        raise ValueError(f"{kind} {key!r} is {len(value)} characters long; at most {most} are accepted")
    if "\x00" in value:
        raise ValueError(f"{kind} {key!r} holds a NUL character, which the service cannot store")


def _check_key(kind: str, key: Any) -> str:
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise ValueError(f"{kind} {key!r} is not a name the service takes ({KEY_RULE})")
    return key


class Run:
    """
    A run this process reports to. `log()` only checks its arguments and
    queues them (a few microseconds); a background thread sends them. See
    `start_run()` and `current_run()` for how to get one.
    """

    def __init__(
        self,
        run_id: int,
        reporter: Optional[Reporter],
        transport: Optional[Transport],
        *,
        attempt: Optional[int] = None,
        started_at: Optional[float] = None,
        owns_lifecycle: bool,
        print_records: bool = False,
    ) -> None:
        self.id = run_id
        self.attempt = attempt
        self._reporter = reporter
        self._transport = transport
        self._owns_lifecycle = owns_lifecycle
        self._print_records = print_records
        # Seconds since the run started, on this process's monotonic clock.
        origin = time.monotonic() - (time.time() - started_at if started_at else 0.0)
        self._origin = origin
        self._last_seconds = 0.0
        self._prefixes: Dict[str, str] = {}
        self._lock = threading.Lock()
        self._ended: Optional[str] = None
        if owns_lifecycle or reporter is not None:
            _live_runs.add(self)

    # --- logging (the caller's thread: cheap) -----------------------------

    def log(self, metrics: Mapping[str, Any], step: Optional[int] = None) -> None:
        """
        One value of each metric, at this moment (and at `step`, a whole
        number ≥ 0, when given). Values are numbers (NumPy and PyTorch scalars
        too); NaN and ±Infinity are stored as they are.
        """
        self._check_open()
        numbers = []
        for name, value in metrics.items():
            prefix = self._prefixes.get(name) or self._prefix_for(name)
            try:
                numbers.append((name, prefix, float(value)))
            except (TypeError, ValueError):
                raise TypeError(f"metric {name!r}: {value!r} is not a number") from None
        if step is not None:
            if isinstance(step, bool):
                raise TypeError(f"step must be a whole number, not {step!r}")
            try:
                step = int(operator.index(step))
            except TypeError:
                raise TypeError(f"step must be a whole number, not {step!r}") from None
            if not 0 <= step <= MAX_STEP:
                raise ValueError(f"step must be ≥ 0 and at most 2**53 - 1, not {step}")
        # Under the lock from the clock to the queue: points of two threads reach the queue in
        # the order of their seconds, which the service requires of each metric (calls within
        # one clock tick stand a microsecond apart).
        with self._lock:
            seconds = max(time.monotonic() - self._origin, self._last_seconds + 1e-6)
            self._last_seconds = seconds
            if self._print_records:
                return self._print({name: _json_value(number) for name, _, number in numbers}, step, seconds)
            # Each point as its NDJSON line, here: the sender thread then only joins and sends, and
            # holds the interpreter lock (which this thread needs) for no encoding of its own.
            tail = f',"seconds":{seconds!r}}}\n' if step is None else f',"seconds":{seconds!r},"step":{step}}}\n'
            lines = "".join(
                prefix + (repr(number) if isfinite(number) else NON_FINITE_TEXT[_json_value(number)]) + tail
                for _, prefix, number in numbers
            )
            self._reporter.put(("points", lines, len(numbers)))  # type: ignore[union-attr]

    def _prefix_for(self, name: str) -> str:
        """A metric's line up to its value, made once per name (the name checked then)."""
        if len(self._prefixes) >= MAX_METRICS:
            raise ValueError(f"metric {name!r} would be one more than the {MAX_METRICS} a run may have")
        prefix = '{"metric":' + json.dumps(_check_key("metric", name)) + ',"value":'
        self._prefixes[name] = prefix
        return prefix

    def log_params(self, params: Mapping[str, Scalar]) -> None:
        """Params (numbers, strings, booleans): each written once; another value later is refused."""
        self._check_open()
        if len(params) > MAX_PARAMS:
            raise ValueError(f"{len(params)} params; a run has at most {MAX_PARAMS}")
        checked: Dict[str, Scalar] = {}
        for key, value in params.items():
            _check_key("param", key)
            if isinstance(value, numbers.Integral) and not isinstance(value, bool):
                value = int(value)  # NumPy integers too
            elif isinstance(value, numbers.Real) and not isinstance(value, bool):
                value = float(value)
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"param {key!r} must be a finite number, not {value}")
            if not isinstance(value, (bool, int, float, str)):
                raise TypeError(f"param {key!r} must be a number, a string or a boolean")
            if isinstance(value, str):
                _check_text("param", key, value, MAX_PARAM_TEXT)
            checked[key] = value
        self._put_record("params", checked)

    def set_tags(self, tags: Mapping[str, str]) -> None:
        """Tags (strings): set, replacing a value the run had."""
        self._check_open()
        if len(tags) > MAX_TAGS:
            raise ValueError(f"{len(tags)} tags; a run has at most {MAX_TAGS}")
        checked: Dict[str, str] = {}
        for key, value in tags.items():
            _check_key("tag", key)
            if not isinstance(value, str):
                raise TypeError(f"tag {key!r} must be a string")
            _check_text("tag", key, value, MAX_TAG_TEXT)
            checked[key] = value
        self._put_record("tags", checked)

    def _put_record(self, kind: str, entries: Dict[str, Any]) -> None:
        if self._print_records:
            raise ConfigError(
                f"{kind} need AISIM_URL and AISIM_TOKEN (the worker's RUN_API_URL): "
                "a program without them can report metrics only, on stdout"
            )
        self._reporter.put((kind, entries))  # type: ignore[union-attr]

    def _print(self, values: Dict[str, Any], step: Optional[int], seconds: float) -> None:
        record: Dict[str, Any] = {"aisim_metrics": values, "seconds": seconds}
        if step is not None:
            record["step"] = step
        sys.stdout.write(json.dumps(record, separators=(",", ":")) + "\n")
        sys.stdout.flush()

    def _check_open(self) -> None:
        if self._reporter is not None and self._reporter.stopped is not None:
            raise RunStopped(self._reporter.stopped.message)
        if self._reporter is not None and self._reporter.failure is not None:
            raise AisimError(f"the reporter of run {self.id} failed: {self._reporter.failure!r}")
        if self._ended:
            raise RunStopped(f"run {self.id} has ended ({self._ended}) in this process")

    # --- the end -------------------------------------------------------------

    @property
    def stopped(self) -> Optional[str]:
        """Why the service takes nothing more from this run (cancelled, superseded, ended); None while it does."""
        if self._reporter is not None and self._reporter.stopped is not None:
            return self._reporter.stopped.message
        return None

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Waits until everything logged so far is stored; False if `timeout` passed first."""
        if self._reporter is None:
            return True
        return self._reporter.flush(timeout)

    def finish(
        self,
        status: str = "finished",
        *,
        exit_code: Optional[int] = None,
        reason: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """
        Sends what is left, then ends the run (`finished` or `failed`). A run a
        worker started (current_run()) is ended by its worker when the program
        exits: here it is only flushed. Everything the service could not take
        within `timeout` stays in the spool, and the run is not ended (an
        ended run takes no more reports).
        """
        if self._ended:
            return
        if self._reporter is None:
            self._ended = status
            _live_runs.discard(self)
            return
        sent = self._reporter.close(EXIT_FLUSH_SECONDS if timeout is None else timeout)
        self._ended = status
        _live_runs.discard(self)
        if not self._owns_lifecycle or self._reporter.stopped is not None:
            return
        if not sent:
            raise _unsent(self._reporter)
        body: Dict[str, Any] = {"status": status}
        if exit_code is not None:
            body["exit_code"] = exit_code
        if reason:
            body["reason"] = reason[:2000]
        try:
            self._transport.request(  # type: ignore[union-attr]
                "POST", f"/simulation/{self.id}/end", json=body, retry=True
            )
        except ApiError as error:
            # Ended already in the same way (a retry whose first answer was lost) is fine.
            if error.status != 409:
                raise

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if error is None:
            self.finish("finished", exit_code=0)
        elif isinstance(error, SystemExit):
            code = error.code
            if code in (None, 0):
                self.finish("finished", exit_code=0)
            else:
                self.finish("failed", exit_code=code if isinstance(code, int) else 1, reason=f"sys.exit({code!r})")
        elif isinstance(error, KeyboardInterrupt):
            self.finish("failed", exit_code=130, reason="interrupted (KeyboardInterrupt)")
        elif isinstance(error, RunStopped):
            self.finish("failed")
        else:
            self.finish("failed", exit_code=1, reason=f"{kind.__name__}: {error}")


def _unsent(reporter: Reporter) -> Exception:
    from .errors import AisimError, ServiceUnavailable

    if reporter.failure is not None:
        return AisimError(f"the reporter of run {reporter.run_id} failed: {reporter.failure!r}")
    return ServiceUnavailable(
        f"{len(reporter.outbox)} reports are not sent yet and wait in {reporter.outbox.directory}; "
        "the run is not ended"
    )


# --- how a script gets its run ---------------------------------------------------

# Runs not finished yet, held strongly: a run made inside a function that has returned still ends with the script.
_live_runs: "Set[Run]" = set()


def _finish_at_exit() -> None:
    """
    A run still open at exit ends with the script: failed by an uncaught
    exception (the interpreter keeps it in sys.last_value, whoever's
    excepthook printed it), finished otherwise.
    """
    error = getattr(sys, "last_value", None)
    for run in list(_live_runs):
        try:
            if error is None:
                run.finish("finished", exit_code=0, timeout=EXIT_FLUSH_SECONDS)
            elif isinstance(error, KeyboardInterrupt):
                run.finish(
                    "failed", exit_code=130, reason="interrupted (KeyboardInterrupt)", timeout=EXIT_FLUSH_SECONDS
                )
            else:
                run.finish(
                    "failed",
                    exit_code=1,
                    reason=f"{type(error).__name__}: {error}",
                    timeout=EXIT_FLUSH_SECONDS,
                )
        except BaseException as problem:  # exiting: say it, never raise it, and go on to the next run
            sys.stderr.write(f"aisim: run {run.id}: {problem}\n")


atexit.register(_finish_at_exit)


def start_run(
    machine: int,
    *,
    name: Optional[str] = None,
    params: Optional[Mapping[str, Scalar]] = None,
    tags: Optional[Mapping[str, str]] = None,
    url: Optional[str] = None,
    token: Optional[str] = None,
    spool_dir: Optional[Union[str, Path]] = None,
    project: Optional[str] = None,
) -> Run:
    """
    Creates a run on `machine` that this script is (`program: "external"`:
    no worker takes it), starts it, and returns it. The account's token
    (`token=` or AISIM_ACCESS_TOKEN) must be an operator's or an admin's.
    """
    settings = Settings.resolve(url=url, token=token, spool_dir=spool_dir, project=project)
    account = Transport(settings.url, settings.require_access_token())
    body: Dict[str, Any] = {"machine_id": machine, "program": "external"}
    if settings.project:
        body["project"] = settings.project
    if name is not None:
        body["name"] = name
    if params:
        body["params"] = dict(params)
    if tags:
        body["tags"] = dict(tags)
    try:
        # One key for every try: a create whose answer was lost, sent again, is the same run.
        created = account.request(
            "POST", "/simulation", json=body, headers={"idempotency-key": str(uuid.uuid4())}, retry=True
        )
    finally:
        account.close()
    run_id, run_token = created["id"], created["run_token"]
    transport = Transport(settings.url, run_token)
    started = transport.request("POST", f"/simulation/{run_id}/start", retry=True)
    attempt = started.get("attempt") if isinstance(started, dict) else None
    outbox = Outbox(settings.spool_for(run_id, attempt), sender=_sender(settings.url, run_id, attempt, run_token))
    reporter = Reporter(transport, run_id, outbox, first_sequence=first_sequence(), heartbeat_every=HEARTBEAT_SECONDS)
    return Run(
        run_id, reporter, transport, attempt=attempt, started_at=time.time(), owns_lifecycle=True
    )


def first_sequence() -> int:
    """
    Where this process numbers its reports from: microseconds since 1970, so
    a later process reporting to the same attempt (a second script of one
    program run) numbers after an earlier one, never over it.
    """
    return time.time_ns() // 1000


def _sender(url: str, run_id: int, attempt: Optional[int], token: str) -> Dict[str, Any]:
    return {"url": url, "run_id": run_id, "attempt": attempt, "token": token}


_current: Dict[str, Run] = {}


def current_run(*, spool_dir: Optional[Union[str, Path]] = None) -> Run:
    """
    The run this program is, when a worker started it (AISIM_RUN_ID and the
    rest in its environment). With AISIM_URL and AISIM_TOKEN (the worker's
    RUN_API_URL is set) it reports to the service; without them its metrics
    go out as records on stdout, which the worker stores. Its worker starts
    it, keeps its lease and ends it when the program exits.
    """
    env = os.environ
    # One per process: two reporters of one attempt would number their reports alike.
    if "run" in _current:
        return _current["run"]
    if "AISIM_RUN_ID" not in env:
        raise ConfigError("current_run(): AISIM_RUN_ID is not set; this process was not started by a worker")
    run_id = int(env["AISIM_RUN_ID"])
    attempt = int(env["AISIM_ATTEMPT"]) if env.get("AISIM_ATTEMPT") else None
    started_at = float(env["AISIM_STARTED_AT"]) if env.get("AISIM_STARTED_AT") else None
    if not env.get("AISIM_URL") or not env.get("AISIM_TOKEN"):
        run = Run(
            run_id, None, None, attempt=attempt, started_at=started_at,
            owns_lifecycle=False, print_records=True,
        )
    else:
        settings = Settings.resolve(url=env["AISIM_URL"], spool_dir=spool_dir)
        transport = Transport(settings.url, env["AISIM_TOKEN"])
        outbox = Outbox(
            settings.spool_for(run_id, attempt), sender=_sender(settings.url, run_id, attempt, env["AISIM_TOKEN"])
        )
        reporter = Reporter(transport, run_id, outbox, first_sequence=first_sequence())
        run = Run(
            run_id, reporter, transport, attempt=attempt, started_at=started_at,
            owns_lifecycle=False,
        )
    _current["run"] = run
    return run
