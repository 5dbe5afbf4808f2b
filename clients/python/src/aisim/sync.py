"""Sending what processes left in the spool: reports they could not send before they exited."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from .outbox import SPOOL_NAME, Outbox, read_sender
from .reporter import Reporter
from .transport import Transport


@dataclass
class SpoolOutcome:
    directory: Path
    run_id: Optional[int]
    reports: int
    points: int
    sent: bool
    # Why its reports can never be stored (the run ended, the token is refused), or why not now.
    problem: Optional[str] = None


def send_spools(root: Path, timeout: float = 60.0) -> List[SpoolOutcome]:
    """
    Every run's spool under `root`, sent in order, each as its own process would
    have: same bytes under the same numbers, so a report the service already has
    is stored once. A run that takes no more reports has its spool removed (it
    can never be stored); one the service could not be reached for keeps it.
    """
    outcomes = []
    directories = sorted(path for path in root.iterdir() if SPOOL_NAME.match(path.name)) if root.exists() else []
    for directory in directories:
        sender = read_sender(directory)
        outbox = Outbox(directory, sender=sender)
        if not outbox.hold():
            continue  # a live process is sending it
        reports = len(outbox)
        if not reports:
            outbox.remove_if_empty()
            continue
        if sender is None:
            outcomes.append(SpoolOutcome(directory, None, reports, 0, False, "no sender.json: no token to send it with"))
            continue
        points = sum(report.points for report in outbox.waiting())
        transport = Transport(sender["url"], sender["token"])
        reporter = Reporter(transport, sender["run_id"], outbox, first_sequence=outbox.next_sequence())
        try:
            sent = reporter.close(timeout)
        finally:
            transport.close()
            outbox.release()
        problem = None
        if reporter.stopped is not None:
            sent, problem = False, reporter.stopped.message
        elif not sent:
            problem = f"the service was unreachable for {timeout:g} s; the spool is kept"
        outcomes.append(SpoolOutcome(directory, sender["run_id"], reports, points, sent, problem))
    return outcomes

