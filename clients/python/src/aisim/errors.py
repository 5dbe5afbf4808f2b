"""What the SDK raises: the service's own answers, and a run the service stopped."""

from __future__ import annotations

from typing import Any, Optional


class AisimError(Exception):
    """Every error of this package."""


class ConfigError(AisimError):
    """A setting is missing or wrong (the message names it and where it is read from)."""


class ApiError(AisimError):
    """The service refused a request: its status and the message it gave."""

    def __init__(self, status: int, message: str, body: Optional[Any] = None) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.body = body


class ServiceUnavailable(AisimError):
    """The service could not be reached, or kept answering 5xx, until the retries ran out."""


class RunStopped(AisimError):
    """
    The service will take nothing more from this run: it was cancelled, its
    attempt was superseded (a retry) or ended. Raised by the run's next call,
    so a training loop stops where it stands.
    """
