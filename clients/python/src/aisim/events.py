"""Server-Sent Events as the service sends them: its live curves and logs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional


@dataclass(frozen=True)
class Event:
    name: str
    data: Any
    id: Optional[str] = None


def parse_events(lines: Iterable[str]) -> Iterator[Event]:
    """
    Events from an event stream's lines (the WHATWG format: `field: value`
    lines, a blank line ends an event, `:` starts a comment); data as JSON.
    """
    name, data, event_id = "message", [], None
    for line in lines:
        # Some httpx versions give each line with its ending, others without.
        line = line.rstrip("\r\n")
        if not line:
            if data:
                text = "\n".join(data)
                try:
                    payload: Any = json.loads(text)
                except ValueError:
                    payload = text
                yield Event(name, payload, event_id)
            name, data, event_id = "message", [], None
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "event":
            name = value
        elif field == "data":
            data.append(value)
        elif field == "id":
            event_id = value
