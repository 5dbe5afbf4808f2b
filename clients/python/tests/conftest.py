"""
The suite runs against a real service, which test/python-sdk.e2e-spec.ts
starts (with a worker of programs) and names in the environment.
"""

from __future__ import annotations

import os
import time
from typing import Callable

import pytest

import aisim


def _setting(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run this suite through npm test (test/python-sdk.e2e-spec.ts)", 2)
    return value


@pytest.fixture(scope="session")
def url() -> str:
    return _setting("AISIM_TEST_URL")


@pytest.fixture(scope="session")
def operator_token() -> str:
    return _setting("AISIM_TEST_OPERATOR_TOKEN")


@pytest.fixture(scope="session")
def machine() -> int:
    """A machine for external runs."""
    return int(_setting("AISIM_TEST_MACHINE"))


@pytest.fixture(scope="session", autouse=True)
def service(url, operator_token):
    """The SDK and the CLI find the service and an operator's token, as a user's shell gives them."""
    saved = {name: os.environ.get(name) for name in ("AISIM_URL", "AISIM_ACCESS_TOKEN")}
    os.environ.update(AISIM_URL=url, AISIM_ACCESS_TOKEN=operator_token)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def spool(monkeypatch, tmp_path):
    """Each test's unsent reports in a spool of its own."""
    monkeypatch.setenv("AISIM_SPOOL_DIR", str(tmp_path / "spool"))


@pytest.fixture
def client(url, operator_token):
    with aisim.Client(url, operator_token) as client:
        yield client


def eventually(check: Callable[[], object], timeout: float = 20.0, what: str = "the condition"):
    """check()'s first truthy answer, polling until `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        answer = check()
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)
