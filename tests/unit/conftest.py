"""Fixtures of the unit tests."""

from __future__ import annotations

import pytest

from . import sources


@pytest.fixture(scope="session", autouse=True)
def _forget_parsed_sources():
    """The parsed package (sources.py) is kept for every check that reads it, then dropped
    before the session ends: pytest collects garbage several times on its way out, and
    with the trees still alive those collections took longer than any unit test."""
    yield
    sources.forget()
