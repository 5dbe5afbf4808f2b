"""The read side, and what an account does to runs: list, search, show, histories, cancel, retry."""

from __future__ import annotations

import json
import time
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Union
from urllib.parse import quote

import httpx

from .errors import ApiError, ServiceUnavailable
from .events import Event, parse_events
from .settings import Settings
from .transport import RETRYABLE_STATUSES, Transport, backoff_seconds, error_of

Json = Dict[str, Any]


class Client:
    """
    The service as an account sees it (AISIM_URL and AISIM_ACCESS_TOKEN unless
    given). Reads need a viewer's token; create, cancel and retry an operator's.
    Every path it calls is checked against the served OpenAPI document by the
    SDK's tests.
    """

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        *,
        project: Optional[str] = None,
        timeout: float = 30.0,
    ) -> None:
        settings = Settings.resolve(url=url, token=token, project=project)
        self.url = settings.url
        #: Where runs are created and listed (project= or AISIM_PROJECT); None: the token's own.
        self.project = settings.project
        self._transport = Transport(settings.url, settings.require_access_token(), timeout=timeout)

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    # --- runs -------------------------------------------------------------------

    def run(self, run_id: int) -> Json:
        """One run: status, attempts, params, tags (`GET /simulation/{id}`)."""
        return self._transport.request("GET", f"/simulation/{run_id}")

    def runs(
        self,
        filter: Optional[str] = None,
        *,
        order_by: Optional[str] = None,
        order: Optional[str] = None,
        columns: Optional[Sequence[str]] = None,
        limit: Optional[int] = None,
        page_size: int = 1000,
    ) -> Iterator[Json]:
        """
        Runs matching `filter` (the search language of docs/search.md), in
        `order_by` order, page after page by cursor: up to `limit` of them, or all.
        """
        params: Dict[str, Any] = {"limit": min(page_size, limit or page_size)}
        if filter:
            params["filter"] = filter
        if order_by:
            params["order_by"] = order_by
        if order:
            params["order"] = order
        if columns:
            params["columns"] = ",".join(columns)
        if self.project:
            params["project"] = self.project
        given = 0
        while True:
            response = self._transport.send("GET", "/simulations", params=params)
            if response.status_code >= 400:
                raise error_of(response)
            for run in response.json():
                yield run
                given += 1
                if limit is not None and given >= limit:
                    return
            cursor = response.headers.get("x-next-cursor")
            if not cursor:
                return
            params = {**params, "cursor": cursor}

    def create_run(
        self,
        machine: int,
        *,
        name: Optional[str] = None,
        program: Optional[str] = None,
        params: Optional[Mapping[str, Any]] = None,
        tags: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Json:
        """A run of `program` on `machine` (the emulator when None), as `POST /simulation` answers it."""
        body: Json = {"machine_id": machine}
        for key, value in (
            ("name", name),
            ("program", program),
            ("params", params),
            ("tags", tags),
            ("project", self.project),
        ):
            if value is not None:
                body[key] = dict(value) if isinstance(value, Mapping) else value
        headers = {"idempotency-key": idempotency_key} if idempotency_key else None
        return self._transport.request(
            "POST", "/simulation", json=body, headers=headers, retry=idempotency_key is not None
        )

    def create_runs(self, runs: Sequence[Mapping[str, Any]], idempotency_key: Optional[str] = None) -> List[Json]:
        """Many runs in one transaction (`POST /simulations/batch`): all are created, or none."""
        headers = {"idempotency-key": idempotency_key} if idempotency_key else None
        answer = self._transport.request(
            "POST",
            "/simulations/batch",
            json={"simulations": [self._in_project(run) for run in runs]},
            headers=headers,
            retry=idempotency_key is not None,
        )
        return answer["simulations"]

    def _in_project(self, run: Mapping[str, Any]) -> Json:
        """A run to create, in the client's project unless it names one."""
        return {"project": self.project, **run} if self.project else dict(run)

    def cancel(self, run_id: int) -> Json:
        return self._transport.request("POST", f"/simulation/{run_id}/cancel")

    def retry(self, run_id: int) -> Json:
        return self._transport.request("POST", f"/simulation/{run_id}/retry")

    def set_tags(
        self, run_id: int, set: Optional[Mapping[str, str]] = None, remove: Sequence[str] = ()
    ) -> Json:
        body: Json = {}
        if set:
            body["set"] = dict(set)
        if remove:
            body["remove"] = list(remove)
        return self._transport.request("PATCH", f"/simulation/{run_id}/tags", json=body)

    # --- metrics ----------------------------------------------------------------

    def metrics(self, run_id: int) -> List[Json]:
        """Each metric of the run's current attempt with its summary (count, last, min, max…)."""
        return self._transport.request("GET", f"/simulation/{run_id}/metrics")

    def history(
        self,
        run_id: int,
        metric: str = "loss",
        *,
        points: Optional[int] = None,
        scale: Optional[str] = None,
        x: Optional[str] = None,
        start: Optional[float] = None,
        end: Optional[float] = None,
    ) -> List[Json]:
        """
        One metric's points `{seconds, value, step?}`: every one, or `points`
        of them sampled (`scale` log or linear; `x="step"` by step).
        """
        params: Dict[str, Any] = {}
        for key, value in (("points", points), ("scale", scale), ("x", x), ("from", start), ("to", end)):
            if value is not None:
                params[key] = value
        answer = self._transport.request("GET", _metric_path(run_id, metric), params=params)
        return answer["data"]

    def export(self, run_id: int, metric: str = "loss") -> Iterator[Json]:
        """
        Every point of one metric, exactly, however many (`?format=ndjson`,
        streamed): values as the API gives them ("NaN", "Infinity" by name).
        """
        with self._transport.stream(
            "GET", _metric_path(run_id, metric), params={"format": "ndjson"}
        ) as response:
            for line in response.iter_lines():
                if line:
                    yield json.loads(line)

    def export_chunks(self, run_id: int, metric: str = "loss", format: str = "csv") -> Iterator[bytes]:
        """One metric's export as the service writes it (`csv` or `ndjson`), chunk by chunk."""
        with self._transport.stream(
            "GET", _metric_path(run_id, metric), params={"format": format}
        ) as response:
            yield from response.iter_bytes()

    def log_text(self, run_id: int, tail: Optional[int] = None) -> str:
        """A program run's output as text, the current attempt's."""
        params: Dict[str, Any] = {"format": "text"}
        if tail:
            params["tail"] = tail
        with self._transport.stream("GET", f"/simulation/{run_id}/logs", params=params) as response:
            return response.read().decode()

    def curve_events(self, run_id: int) -> Iterator[Event]:
        """The run's `loss` live (`status`, `points`, `attempt`, `end`), resumed across dropped connections."""
        return self._events(f"/converge/{run_id}/stream")

    def log_events(self, run_id: int) -> Iterator[Event]:
        """The run's output live (`lines`, `attempt`, `end`), resumed across dropped connections."""
        return self._events(f"/simulation/{run_id}/logs/stream")

    def _events(self, path: str) -> Iterator[Event]:
        last_id: Optional[str] = None
        failures = 0
        while True:
            headers = {"last-event-id": last_id} if last_id else None
            try:
                with self._transport.stream("GET", path, headers=headers, timeout=None) as response:
                    failures = 0
                    for event in parse_events(response.iter_lines()):
                        last_id = event.id or last_id
                        yield event
                        if event.name == "end":
                            return
                why = "the stream closed before its end"
            except httpx.TransportError as error:
                why = f"{self.url} is unreachable: {error}"
            except ApiError as error:
                # A proxy's 502 while the API restarts is worth waiting out; a 404 is not.
                if error.status not in RETRYABLE_STATUSES:
                    raise
                why = f"the service answered {error.status}"
            failures += 1
            if failures > 10:
                raise ServiceUnavailable(why)
            time.sleep(backoff_seconds(failures, cap=5.0))

    def history_frame(self, run_id: int, metric: str = "loss", **options: Any):
        """history() as a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise ImportError("history_frame() needs pandas: pip install 'aisim[pandas]'") from error
        return pandas.DataFrame(self.history(run_id, metric, **options))

    def compare(self, run_ids: Sequence[int], metric: Optional[str] = None, points: Optional[int] = None) -> Json:
        """Up to 100 runs side by side: params (which differ), metric summaries, one metric's curves alike."""
        params: Dict[str, Union[str, int]] = {"ids": ",".join(str(run_id) for run_id in run_ids)}
        if metric:
            params["metric"] = metric
        if points:
            params["points"] = points
        return self._transport.request("GET", "/compare", params=params)


def _metric_path(run_id: int, metric: str) -> str:
    """A metric's path: its name percent-encoded, `/` included."""
    return f"/simulation/{run_id}/metrics/{quote(metric, safe='')}"
