"""Reports waiting to be sent, oldest first: a few in memory, the rest in a spool on disk."""

from __future__ import annotations

import fcntl
import json
import os
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Deque, Dict, Iterator, Optional

JSON = "application/json"
NDJSON = "application/x-ndjson"
SUFFIXES = {JSON: ".json", NDJSON: ".ndjson"}
SENDER_FILE = "sender.json"
LOCK_FILE = ".lock"
# A spool's directory: run, attempt, and the process's own suffix.
SPOOL_NAME = re.compile(r"^run-(\d+)-attempt-(\d+)-[0-9a-f]+$")


@dataclass(frozen=True)
class Report:
    """
    One report as it goes on the wire, encoded once: sent again (after a lost
    answer, from the spool) it is the same bytes under the same sequence, which
    the service stores once.
    """

    sequence: int
    body: bytes
    content_type: str
    points: int


class Outbox:
    """
    First in, first out. Up to `memory_reports` wait in memory; past that, or
    once anything is on disk, they go to `directory` (one file per report,
    named by its sequence), so memory stays bounded however long the service
    is away, and `spill()` makes everything durable before a risky wait or an
    exit.
    """

    def __init__(
        self, directory: Path, memory_reports: int = 4, sender: Optional[Dict[str, Any]] = None
    ) -> None:
        self.directory = directory
        self.memory_reports = memory_reports
        # Who may send these reports (the service, the run, its token), written beside them so
        # that `aisim sync` can send what a process left behind.
        self.sender = sender
        self._memory: Deque[Report] = deque()
        self._disk: Deque[Path] = deque(sorted(self._files()))
        self._lock: Optional[int] = None
        # The sender pushes, peeks and pops; close() may spill from another thread meanwhile.
        self._mutex = threading.RLock()

    def hold(self) -> bool:
        """
        Takes the spool's lock for as long as this Outbox lives (False when
        another process holds it): `aisim sync` leaves a spool a live process sends.
        """
        if self._lock is not None:
            return True
        fd = os.open(self.directory / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock = fd
        return True

    def release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def waiting(self) -> Iterator[Report]:
        """Every report waiting, oldest first, none taken."""
        yield from self._memory
        for path in list(self._disk):
            yield self._read(path)

    def next_sequence(self) -> int:
        """The number after every report on disk: a sender of this spool goes on from there."""
        return int(self._disk[-1].stem) + 1 if self._disk else 0

    def __len__(self) -> int:
        return len(self._memory) + len(self._disk)

    def push(self, report: Report) -> None:
        with self._mutex:
            if self._disk or len(self._memory) >= self.memory_reports:
                self._disk.append(self._write(report))
            else:
                self._memory.append(report)

    def peek(self) -> Optional[Report]:
        with self._mutex:
            if self._memory:
                return self._memory[0]
            while self._disk:
                try:
                    return self._read(self._disk[0])
                except FileNotFoundError:
                    self._disk.popleft()  # sent and removed by someone else (aisim sync)
            return None

    def pop(self) -> None:
        """Drops the oldest report: the service has it."""
        with self._mutex:
            if self._memory:
                self._memory.popleft()
            elif self._disk:
                self._disk.popleft().unlink(missing_ok=True)

    def spill(self) -> None:
        """Every report in memory to disk (they are older than any there, so order holds)."""
        with self._mutex:
            written = [self._write(report) for report in self._memory]
            self._memory.clear()
            self._disk.extendleft(reversed(written))

    def set_aside(self) -> Optional[Path]:
        """
        The spool, renamed out of the way (`….refused-<time>`) with all it holds,
        for reports that can never be sent; None when it held nothing.
        """
        with self._mutex:
            self.spill()
            if not self._disk:
                self.remove_if_empty()
                return None
            aside = self.directory.with_name(f"{self.directory.name}.refused-{time.strftime('%Y%m%dT%H%M%S')}")
            os.replace(self.directory, aside)
            self._disk.clear()
            return aside

    def remove_if_empty(self) -> None:
        if not self and self.directory.exists():
            for leftover in [*self.directory.glob(".*.tmp"), self.directory / SENDER_FILE, self.directory / LOCK_FILE]:
                leftover.unlink(missing_ok=True)
            self.release()
            try:
                self.directory.rmdir()
            except OSError:
                pass  # something of someone else's is in it

    def _files(self):
        if not self.directory.exists():
            return []
        return [
            path
            for path in self.directory.iterdir()
            if path.suffix in SUFFIXES.values() and path.stem.isdigit()
        ]

    def _write(self, report: Report) -> Path:
        if not self.directory.exists():
            self.directory.mkdir(parents=True, mode=0o700)
            self.hold()
            if self.sender is not None:
                # Readable by its owner alone: it holds the run's token.
                fd = os.open(self.directory / SENDER_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w") as file:
                    json.dump(self.sender, file)
        path = self.directory / f"{report.sequence:020d}{SUFFIXES[report.content_type]}"
        # Written aside and renamed: a crash mid-write leaves no half report to send.
        partial = self.directory / f".{path.name}.tmp"
        partial.write_bytes(report.body)
        os.replace(partial, path)
        return path

    @staticmethod
    def _read(path: Path) -> Report:
        body = path.read_bytes()
        content_type = NDJSON if path.suffix == ".ndjson" else JSON
        head = json.loads(body.split(b"\n", 1)[0] if content_type == NDJSON else body)
        points = (
            body.count(b"\n") - 1 if content_type == NDJSON else len(head.get("points", []))
        )
        return Report(int(path.stem), body, content_type, points)


def read_sender(directory: Path) -> Optional[Dict[str, Any]]:
    """What a spool's sender file says (url, run_id, attempt, token), if it has one."""
    try:
        return json.loads((directory / SENDER_FILE).read_text())
    except (OSError, ValueError):
        return None
