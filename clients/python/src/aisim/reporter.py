"""
The background thread that takes a run's points off the caller's hands:
batches them into reports, sends them in order, retries, spools to disk while
the service is away, and keeps an external run's lease.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from typing import Any, Dict, List, Optional, Tuple

import httpx

from .errors import ApiError
from .outbox import JSON, NDJSON, Outbox, Report
from .transport import RETRYABLE_STATUSES, Transport, backoff_seconds, error_of, retry_after_of

logger = logging.getLogger("aisim")

# The service's bounds on one report (docs/runs.md): JSON up to 10,000 points,
# NDJSON up to 100,000. Bigger batches are fewer requests (the run token's
# rate limit is per minute), and NDJSON costs the service less to read.
JSON_POINTS = 10_000
REPORT_POINTS = 100_000

# The service's answers that mean this attempt takes nothing more (docs/runs.md).
STOPPED_MARKERS = ("has ended", "was superseded")

# (seconds, step, {metric: value}) from log(); ("params", {...}); ("tags", {...});
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
        queue_size: int = 100_000,
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
        self.sent_points = 0
        self._queue: "queue.Queue[Item]" = queue.Queue(maxsize=queue_size)
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
        """Blocks only while the queue is full (the sender spools rather than stall on an outage)."""
        self._queue.put(item)

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Waits until everything put before it is sent; False if `timeout` passed first."""
        if not self._thread.is_alive():
            return not self.outbox
        done = threading.Event()
        self._queue.put(done)
        deadline = None if timeout is None else time.monotonic() + timeout
        while not done.wait(0.5 if deadline is None else max(0.0, min(0.5, deadline - time.monotonic()))):
            if not self._thread.is_alive() or (deadline is not None and time.monotonic() >= deadline):
                return False
        return self.failure is None

    def close(self, timeout: Optional[float] = None) -> bool:
        """
        Sends what is left (waiting up to `timeout` for the service), then stops
        the thread. What could not be sent stays in the spool on disk: True
        only when nothing is left.
        """
        sent = self.flush(timeout)
        self._closing.set()
        self._queue.put(threading.Event())  # wakes the thread
        self._thread.join(None if timeout is None else timeout + self.interval * 2)
        if self._thread.is_alive():
            return False  # stuck in a request: everything it holds is on disk already
        self.outbox.spill()
        self.outbox.remove_if_empty()
        return sent and not self.outbox

    # --- the thread ----------------------------------------------------------

    def _loop(self) -> None:
        try:
            self._work()
        except BaseException as error:  # never die silently: say why, and let no flush wait forever
            logger.exception("aisim: the reporter of run %s stopped", self.run_id)
            self.failure = error
            for _, event in self._flushes:
                event.set()
            raise

    def _work(self) -> None:
        while True:
            items = self._gather()
            for report in self._encode(items):
                self.outbox.push(report)
            if self._closing.is_set():
                # Past close(): whatever the exit, nothing waits in memory alone.
                self.outbox.spill()
            self._settle_flushes(items)
            self._send_pending()
            self._heartbeat_if_due()
            if self._closing.is_set() and self._queue.empty():
                return

    def _gather(self) -> List[Item]:
        """What arrives within `interval` of the first item (sooner while a retry is due)."""
        items: List[Item] = []
        points = 0
        wait = self.interval
        if self.outbox and self._retry_at:
            wait = max(0.0, min(wait, self._retry_at - time.monotonic()))
        try:
            first = self._queue.get(timeout=wait)
        except queue.Empty:
            return items
        items.append(first)
        deadline = time.monotonic() + self.interval
        while not isinstance(items[-1], threading.Event):
            if isinstance(items[-1], tuple) and len(items[-1]) == 3:
                points += len(items[-1][2])
                if points >= REPORT_POINTS:
                    break
            try:
                items.append(self._queue.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                break
        return items

    def _encode(self, items: List[Item]) -> List[Report]:
        """Items as reports, in order: each up to REPORT_POINTS points, params and tags riding along."""
        reports: List[Report] = []
        points: List[Dict[str, Any]] = []
        params: Dict[str, Any] = {}
        tags: Dict[str, str] = {}

        def seal() -> None:
            if points or params or tags:
                reports.append(self._report(points, params, tags))
                points.clear()
                params.clear()
                tags.clear()

        for item in items:
            if isinstance(item, threading.Event):
                continue
            kind = item[0]
            if kind == "params":
                params.update(item[1])
            elif kind == "tags":
                tags.update(item[1])
            else:
                seconds, step, values = item
                for metric, value in values.items():
                    point: Dict[str, Any] = {"metric": metric, "value": value, "seconds": seconds}
                    if step is not None:
                        point["step"] = step
                    points.append(point)
                if len(points) >= REPORT_POINTS:
                    seal()
        seal()
        return reports

    def _report(
        self, points: List[Dict[str, Any]], params: Dict[str, Any], tags: Dict[str, str]
    ) -> Report:
        head: Dict[str, Any] = {"sequence": self._sequence}
        if params:
            head["params"] = dict(params)
        if tags:
            head["tags"] = dict(tags)
        self._sequence += 1
        if len(points) <= JSON_POINTS:
            body = json.dumps({**head, "points": points}, allow_nan=False, separators=(",", ":"))
            return Report(head["sequence"], body.encode(), JSON, len(points))
        lines = [json.dumps(head, separators=(",", ":"))]
        lines.extend(json.dumps(point, allow_nan=False, separators=(",", ":")) for point in points)
        return Report(head["sequence"], ("\n".join(lines) + "\n").encode(), NDJSON, len(points))

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
            if response.status_code in RETRYABLE_STATUSES:
                self._unreachable(
                    f"the service answered {response.status_code}", retry_after_of(response)
                )
                return
            self._failures = 0
            self._retry_at = 0.0
            self._last_contact = time.monotonic()
            if response.status_code >= 400:
                self._refused(error_of(response))
                if self.stopped:
                    return
            else:
                self.sent_reports += 1
                self.sent_points += report.points
            self.outbox.pop()
            self._wake_flushes()

    def _unreachable(self, why: str, retry_after: Optional[float]) -> None:
        if self._failures == 0:
            logger.warning("aisim: %s; spooling reports to %s until it is back", why, self.outbox.directory)
        # While the service is away everything unsent goes to disk: a crash loses nothing sent to log().
        self.outbox.spill()
        self._retry_at = time.monotonic() + backoff_seconds(self._failures, retry_after)
        self._failures += 1

    def _refused(self, error: ApiError) -> None:
        if error.status in (401, 403) or (
            error.status == 409 and any(marker in error.message for marker in STOPPED_MARKERS)
        ):
            logger.warning("aisim: run %s takes no more reports: %s", self.run_id, error.message)
            self.stopped = error
            self.outbox.discard()
            self._wake_flushes()
            return
        # A report the service calls wrong will not become right: say so, and go on with the next.
        logger.error("aisim: a report of run %s was refused: %s", self.run_id, error)
        self.refused.append(error)

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
        if response.status_code < 400:
            self._last_contact = time.monotonic()
        elif response.status_code not in RETRYABLE_STATUSES:
            self._refused(error_of(response))
