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


@functools.cache
def nodes(tree: ast.AST) -> tuple[ast.AST, ...]:
    """Every node of a tree in ast.walk's order, listed once: the checks go through each
    module's tree several times, and ast.walk costs more than the parse."""
    return tuple(ast.walk(tree))


def forget() -> None:
    """Drop what was read and parsed (conftest.py, at the end of the session)."""
    read.cache_clear()
    parsed.cache_clear()
    nodes.cache_clear()
