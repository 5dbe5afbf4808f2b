"""Reports waiting to be sent, oldest first: a few in memory, the rest in a spool on disk."""

from __future__ import annotations

import json
import os
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Deque, Optional

JSON = "application/json"
NDJSON = "application/x-ndjson"
SUFFIXES = {JSON: ".json", NDJSON: ".ndjson"}


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

    def __init__(self, directory: Path, memory_reports: int = 4) -> None:
        self.directory = directory
        self.memory_reports = memory_reports
        self._memory: Deque[Report] = deque()
        self._disk: Deque[Path] = deque(sorted(self._files()))

    def __len__(self) -> int:
        return len(self._memory) + len(self._disk)

    def push(self, report: Report) -> None:
        if self._disk or len(self._memory) >= self.memory_reports:
            self._disk.append(self._write(report))
        else:
            self._memory.append(report)

    def peek(self) -> Optional[Report]:
        if self._memory:
            return self._memory[0]
        if self._disk:
            return self._read(self._disk[0])
        return None

    def pop(self) -> None:
        """Drops the oldest report: the service has it."""
        if self._memory:
            self._memory.popleft()
        elif self._disk:
            self._disk.popleft().unlink(missing_ok=True)

    def spill(self) -> None:
        """Every report in memory to disk (they are older than any there, so order holds)."""
        written = [self._write(report) for report in self._memory]
        self._memory.clear()
        self._disk.extendleft(reversed(written))

    def discard(self) -> None:
        """Everything, memory and disk: the run takes no more reports."""
        self._memory.clear()
        while self._disk:
            self._disk.popleft().unlink(missing_ok=True)
        self.remove_if_empty()

    def remove_if_empty(self) -> None:
        if not self and self.directory.exists():
            for leftover in self.directory.glob(".*.tmp"):
                leftover.unlink(missing_ok=True)
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
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
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
