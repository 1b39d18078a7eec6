"""Source files read and parsed once for all the checks that read them (the dependency rules
and the private-name door each walk the whole package)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import airoles_tui

PACKAGE = Path(airoles_tui.__file__).resolve().parent


@functools.cache
def read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


@functools.cache
def parsed(path: str) -> ast.Module:
    return ast.parse(read(path))


def forget() -> None:
    """Drop what was read and parsed (conftest.py, at the end of the session)."""
    read.cache_clear()
    parsed.cache_clear()
