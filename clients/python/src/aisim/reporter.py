"""
The background thread that takes a run's points off the caller's hands:
batches them into reports, sends them in order, retries, spools to disk while
the service is away, and keeps an external run's lease.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from typing import Any, Deque, Dict, List, Optional, Tuple

import httpx

from .errors import ApiError
from .outbox import NDJSON, Outbox, Report
from .transport import RETRYABLE_STATUSES, Transport, backoff_seconds, error_of, retry_after_of

logger = logging.getLogger("aisim")

# The service's bounds on one NDJSON report (docs/runs.md): 100,000 points and 16 MiB.
# Bigger reports are fewer requests (the run token's rate limit is per minute).
REPORT_POINTS = 100_000
REPORT_BYTES = 8 * 2**20

# Pending items that wake the sender before its interval: a report's worth is near.
WAKE_AT = 20_000

# The longest pause between tries: a quarter of an external run's lease (LEASE_MS, 20 s by default).
MAX_PAUSE = 5.0

# The service's answers that mean this attempt takes nothing more (docs/runs.md).
STOPPED_MARKERS = ("has ended", "was superseded")

# ("points", NDJSON lines, how many) from log(); ("params", {...}); ("tags", {...});
# or a threading.Event to set once everything before it is sent.
Item = Tuple[Any, ...]


class Reporter:
    """
    One run's sender. `put` is all the caller's thread does; everything else
    happens here, one report at a time and in order, so a metric's points
    reach the service in the order they were logged.
    """

    def __init__(
        self,
        transport: Transport,
        run_id: int,
        outbox: Outbox,
        *,
        first_sequence: int = 0,
        max_pending: int = 250_000,
        interval: float = 0.5,
        heartbeat_every: Optional[float] = None,
    ) -> None:
        self.transport = transport
        self.run_id = run_id
        self.outbox = outbox
        self.interval = interval
        self.heartbeat_every = heartbeat_every
        # What stopped the run (the service's 409 or 401/403), once it has.
        self.stopped: Optional[ApiError] = None
        # Reports the service refused as wrong (4xx other than a stop): dropped, kept here to see.
        self.refused: List[ApiError] = []
        # What ended the thread, should anything (a bug): flush() and close() then stop waiting.
        self.failure: Optional[BaseException] = None
        self.sent_reports = 0
        # Reports the service refused as wrong, which flush() counts as not stored.
        self.lost_reports = 0
        self.sent_points = 0
        # What log() hands over: a deque's append and popleft are atomic and take no lock,
        # so the caller's thread pays no more than that, and the sender drains it in bulk.
        self._pending: Deque[Item] = deque()
        self._max_pending = max_pending
        self._wake = threading.Event()
        self._space = threading.Condition()
        self._sequence = first_sequence
        self._failures = 0
        self._retry_at = 0.0
        self._last_contact = time.monotonic()
        self._flushes: List[Tuple[int, threading.Event]] = []
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"aisim-run-{run_id}", daemon=True)
        self._thread.start()

    # --- the caller's side -------------------------------------------------

    def put(self, item: Item) -> None:
        """
        Hands `item` over. Waits only while `max_pending` items are pending (a
        caller faster than the service for that long); an outage does not make
        it wait, the sender spools to disk instead.
        """
        pending = self._pending
        pending.append(item)
        if len(pending) >= WAKE_AT and not self._wake.is_set():
            self._wake.set()
        if len(pending) >= self._max_pending:
            with self._space:
                while len(pending) >= self._max_pending and self._thread.is_alive():
                    self._space.wait(0.1)

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Waits until everything put before it is sent; False if `timeout` passed first."""
        if not self._thread.is_alive():
            return not self.outbox and not self._pending
        lost_before = self.lost_reports
        done = threading.Event()
        self._pending.append(done)
        self._wake.set()
        deadline = None if timeout is None else time.monotonic() + timeout
        while not done.wait(0.5 if deadline is None else max(0.0, min(0.5, deadline - time.monotonic()))):
            if not self._thread.is_alive() or (deadline is not None and time.monotonic() >= deadline):
                return False
        return self.failure is None and self.stopped is None and self.lost_reports == lost_before

    def close(self, timeout: Optional[float] = None) -> bool:
        """
        Sends what is left (waiting up to `timeout` for the service), then stops
        the thread. What could not be sent stays in the spool on disk. True when
        nothing is left to send (what the service refused is not left: see
        `refused`, and flush()).
        """
        self.flush(timeout)
        self._closing.set()
        self._wake.set()
        self._thread.join(None if timeout is None else timeout + self.interval * 2)
        # Stuck in a request or not, nothing stays in memory alone (the outbox's lock makes
        # this safe beside a sender that pops what its request took).
        self.outbox.spill()
        if self._thread.is_alive():
            return False
        self.outbox.remove_if_empty()
        return not self.outbox and not self._pending

    # --- the thread ----------------------------------------------------------

    def _loop(self) -> None:
        try:
            self._work()
        except BaseException as error:  # never die silently: say why, and let no flush wait forever
            logger.exception("aisim: the reporter of run %s stopped", self.run_id)
            self.failure = error
            for _, event in self._flushes:
                event.set()

    def _work(self) -> None:
        errors = 0
        while True:
            try:
                if self._iteration():
                    return
                errors = 0
            except Exception:
                # A file of the spool gone or unreadable, a full disk: said, and tried again.
                errors += 1
                logger.exception("aisim: the reporter of run %s hit a problem (%d in a row)", self.run_id, errors)
                if errors >= 5:
                    raise
                time.sleep(backoff_seconds(errors, cap=MAX_PAUSE))

    def _iteration(self) -> bool:
        """One round: gather, encode, send, keep the lease. True once closed and done."""
        items = self._gather()
        for report in self._encode(items):
            self.outbox.push(report)
        if self._closing.is_set():
            # Past close(): whatever the exit, nothing waits in memory alone.
            self.outbox.spill()
        self._settle_flushes(items)
        self._send_pending()
        self._heartbeat_if_due()
        return self._closing.is_set() and not self._pending

    def _gather(self) -> List[Item]:
        """
        Pending items, up to a report's worth: at once when that many wait (or a
        flush or close asks), otherwise after `interval` (sooner when a retry is due).
        """
        if len(self._pending) < WAKE_AT:
            wait = self.interval
            if self.outbox and self._retry_at:
                wait = max(0.0, min(wait, self._retry_at - time.monotonic()))
            self._wake.wait(wait)
        self._wake.clear()
        items: List[Item] = []
        points = 0
        pending = self._pending
        while pending and points < REPORT_POINTS:
            item = pending.popleft()
            items.append(item)
            if isinstance(item, threading.Event):
                break
            if item[0] == "points":
                points += item[2]
        if len(pending) < self._max_pending:
            with self._space:
                self._space.notify_all()
        return items

    def _encode(self, items: List[Item]) -> List[Report]:
        """
        Items as NDJSON reports, in order, each within the service's bounds.
        Params and tags go in reports of their own: the service takes or
        refuses a report whole, and a param it refuses (given another value)
        must not take points with it.
        """
        reports: List[Report] = []
        lines: List[str] = []
        state = {"points": 0, "bytes": 0}

        def seal() -> None:
            if lines:
                reports.append(self._report(lines, state["points"], {}, {}))
                lines.clear()
                state.update(points=0, bytes=0)

        for item in items:
            if isinstance(item, threading.Event):
                continue
            kind = item[0]
            if kind in ("params", "tags"):
                seal()
                reports.append(self._report([], 0, item[1] if kind == "params" else {}, item[1] if kind == "tags" else {}))
                continue
            if state["points"] + item[2] > REPORT_POINTS or state["bytes"] + len(item[1]) > REPORT_BYTES:
                seal()
            lines.append(item[1])
            state["points"] += item[2]
            state["bytes"] += len(item[1])
        seal()
        return reports

    def _report(
        self, lines: List[str], points: int, params: Dict[str, Any], tags: Dict[str, str]
    ) -> Report:
        head: Dict[str, Any] = {"sequence": self._sequence}
        if params:
            head["params"] = dict(params)
        if tags:
            head["tags"] = dict(tags)
        self._sequence += 1
        body = json.dumps(head, separators=(",", ":")) + "\n" + "".join(lines)
        return Report(head["sequence"], body.encode(), NDJSON, points)

    def _settle_flushes(self, items: List[Item]) -> None:
        for item in items:
            if isinstance(item, threading.Event):
                # Everything before it is sent once the reports numbered below this one are.
                self._flushes.append((self._sequence, item))
        self._wake_flushes()

    def _wake_flushes(self) -> None:
        sent_below = self._oldest_pending()
        still = []
        for sequence, event in self._flushes:
            if sent_below is None or sent_below >= sequence or self.stopped:
                event.set()
            else:
                still.append((sequence, event))
        self._flushes = still

    def _oldest_pending(self) -> Optional[int]:
        head = self.outbox.peek()
        return None if head is None else head.sequence

    def _send_pending(self) -> None:
        while not self.stopped:
            if time.monotonic() < self._retry_at:
                return
            report = self.outbox.peek()
            if report is None:
                return
            try:
                response = self.transport.send(
                    "POST",
                    f"/simulation/{self.run_id}/metrics",
                    content=report.body,
                    headers={"content-type": report.content_type},
                )
            except httpx.TransportError as error:
                self._unreachable(f"{self.transport.url} is unreachable: {error}", None)
                return
            status = response.status_code
            if status in RETRYABLE_STATUSES or status >= 500:
                self._unreachable(f"the service answered {status}", retry_after_of(response))
                return
            self._failures = 0
            self._retry_at = 0.0
            self._last_contact = time.monotonic()
            if 300 <= status < 400:
                # Not stored: a proxy redirects. Nothing is sent again until AISIM_URL is right.
                where = response.headers.get("location", "elsewhere")
                self._stop(ApiError(status, f"{self.transport.url} redirects to {where}: set AISIM_URL to it"), keep=True)
                return
            if status >= 400:
                self._refused(error_of(response))
                if self.stopped:
                    return
                self.lost_reports += 1
            else:
                self.sent_reports += 1
                self.sent_points += report.points
            self.outbox.pop()
            self._wake_flushes()
            if self._closing.is_set() and self._pending:
                return  # closing: what is still pending goes to disk before the next send

    def _unreachable(self, why: str, retry_after: Optional[float]) -> None:
        if self._failures == 0:
            logger.warning("aisim: %s; spooling reports to %s until it is back", why, self.outbox.directory)
        # While the service is away everything unsent goes to disk: a crash loses nothing sent to log().
        self.outbox.spill()
        # Never silent for long: an external run that makes no contact for its lease (20 s) is
        # failed as lost, so the pauses stop growing at a quarter of it, Retry-After included.
        pause = backoff_seconds(self._failures, min(retry_after or 0.0, MAX_PAUSE), cap=MAX_PAUSE)
        self._retry_at = time.monotonic() + pause
        self._failures += 1

    def _refused(self, error: ApiError) -> None:
        if error.status in (401, 403):
            # The token is refused, not the run ended: what waits stays where it is.
            return self._stop(error, keep=True)
        if error.status == 409 and any(marker in error.message for marker in STOPPED_MARKERS):
            return self._stop(error, keep=False)
        # A report the service calls wrong will not become right: say so, and go on with the next.
        logger.error("aisim: a report of run %s was refused: %s", self.run_id, error)
        self.refused.append(error)

    def _stop(self, error: ApiError, keep: bool) -> None:
        """
        Nothing more goes out. What waits is never deleted: kept where it is (a
        setting to fix, then `aisim sync`), or set aside when the run takes no
        more reports (its points can never be stored; the files say what they were).
        """
        self.stopped = error
        self.outbox.spill()
        where = self.outbox.directory if keep else self.outbox.set_aside()
        if where is not None and not keep:
            logger.warning("aisim: run %s takes no more reports (%s); what was unsent is in %s", self.run_id, error.message, where)
        elif keep and self.outbox:
            logger.warning("aisim: run %s: %s; its unsent reports wait in %s", self.run_id, error.message, where)
        else:
            logger.warning("aisim: run %s takes no more reports: %s", self.run_id, error.message)
        self._wake_flushes()

    def _heartbeat_if_due(self) -> None:
        if (
            self.heartbeat_every is None
            or self.stopped
            or self.outbox
            or time.monotonic() - self._last_contact < self.heartbeat_every
        ):
            return
        try:
            response = self.transport.send("POST", f"/simulation/{self.run_id}/heartbeat")
        except httpx.TransportError:
            return  # the next report or heartbeat tries again
        if 200 <= response.status_code < 300:
            self._last_contact = time.monotonic()
        elif 400 <= response.status_code < 500 and response.status_code not in RETRYABLE_STATUSES:
            self._refused(error_of(response))
