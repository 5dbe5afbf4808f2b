"""One HTTP connection pool to the service, its errors as exceptions, and when to try again."""

from __future__ import annotations

import random
import time
from contextlib import contextmanager
from typing import Any, Iterator, Mapping, Optional

import httpx

from .errors import ApiError, ServiceUnavailable

# Answers that say "not now" rather than "no": worth sending again, after a pause.
RETRYABLE_STATUSES = frozenset({408, 429, *range(500, 600)})


def backoff_seconds(
    failures: int, retry_after: Optional[float] = None, base: float = 0.25, cap: float = 30.0
) -> float:
    """
    The pause before try number `failures + 1`: "full jitter" (a random pause up
    to an exponentially growing bound), so clients that failed together do not
    come back together; never shorter than the server's Retry-After.
    """
    pause = random.uniform(0, min(cap, base * (2 ** min(failures, 16))))
    return max(pause, retry_after or 0.0)


def retry_after_of(response: httpx.Response) -> Optional[float]:
    """Retry-After in seconds (the service sends seconds; an HTTP date counts as none)."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def error_of(response: httpx.Response) -> ApiError:
    """The service's error (`{"statusCode", "error", "message"}`) as an ApiError."""
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(message, list):
        message = "; ".join(str(item) for item in message)
    return ApiError(response.status_code, str(message or response.reason_phrase), body)


class Transport:
    """
    Requests to one service with one token: keep-alive, timeouts, and (for
    requests safe to send twice) retries with backoff that honour Retry-After.
    """

    def __init__(
        self,
        url: str,
        token: Optional[str],
        *,
        timeout: float = 30.0,
        retries: int = 4,
        client: Optional[httpx.Client] = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.retries = retries
        headers = {"user-agent": "aisim-python"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        self._client = client or httpx.Client(base_url=self.url, timeout=timeout, headers=headers)

    def close(self) -> None:
        self._client.close()

    def send(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: Optional[bytes] = None,
        params: Optional[Mapping[str, Any]] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> httpx.Response:
        """One try: the answer whatever its status, or httpx's TransportError."""
        return self._client.request(
            method, path, json=json, content=content, params=params, headers=headers
        )

    @contextmanager
    def stream(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Any = httpx.USE_CLIENT_DEFAULT,
    ) -> Iterator[httpx.Response]:
        """A streamed answer (an export, a live stream), or ApiError before any of it."""
        with self._client.stream(method, path, params=params, headers=headers, timeout=timeout) as response:
            if response.status_code >= 400:
                response.read()
                raise error_of(response)
            yield response

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        headers: Optional[Mapping[str, str]] = None,
        retry: Optional[bool] = None,
    ) -> Any:
        """
        The answer's JSON (None for an empty one), or ApiError for a 4xx/5xx.
        GETs retry by default; anything else only when `retry` says it is
        safe (an Idempotency-Key, a report's sequence number).
        """
        retry = method == "GET" if retry is None else retry
        failures = 0
        while True:
            try:
                response = self.send(method, path, json=json, params=params, headers=headers)
            except httpx.TransportError as error:
                if not retry or failures >= self.retries:
                    raise ServiceUnavailable(f"{self.url} is unreachable: {error}") from error
                time.sleep(backoff_seconds(failures))
                failures += 1
                continue
            if response.status_code in RETRYABLE_STATUSES and retry and failures < self.retries:
                time.sleep(backoff_seconds(failures, retry_after_of(response)))
                failures += 1
                continue
            if response.status_code >= 400:
                raise error_of(response)
            if response.status_code >= 300:
                where = response.headers.get("location", "elsewhere")
                raise ApiError(response.status_code, f"{self.url} redirects to {where}: set AISIM_URL to it")
            if not response.content:
                return None
            try:
                return response.json()
            except ValueError:
                raise ApiError(response.status_code, f"{method} {path} answered something that is not JSON") from None
