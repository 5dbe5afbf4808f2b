"""Every request the SDK makes is one the served OpenAPI document describes."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import aisim

CALL = re.compile(r'\(\s*"(GET|POST|PATCH|PUT|DELETE)",\s*f?"(/[^"?]*)"')
PATH_LITERAL = re.compile(r'f?"(/[a-z][^"?]*)"')
PLACEHOLDER = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def sdk_source():
    return {source.name: source.read_text() for source in Path(aisim.__file__).parent.glob("*.py")}


def shape(path: str) -> str:
    return PLACEHOLDER.sub("{}", path)


@pytest.fixture(scope="module")
def document():
    with open(os.environ["AISIM_TEST_OPENAPI"]) as file:
        return json.load(file)


def documented(document):
    return {
        (method.upper(), shape(path))
        for path, operations in document["paths"].items()
        for method in operations
        if method in ("get", "post", "patch", "put", "delete")
    }


def test_every_path_the_sdk_names_is_in_the_served_document(document):
    paths = {shape(path) for text in sdk_source().values() for path in PATH_LITERAL.findall(text)}
    assert len(paths) >= 12  # the scan found the SDK's paths, not nothing
    served = {path for _, path in documented(document)}
    assert sorted(paths - served) == []


def test_every_request_the_sdk_writes_out_is_an_operation_of_the_document(document):
    calls = {
        (method, shape(path)) for text in sdk_source().values() for method, path in CALL.findall(text)
    }
    assert len(calls) >= 10
    assert sorted(calls - documented(document)) == []
