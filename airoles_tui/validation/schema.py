"""A small declarative checker for TOML records: types, required keys, unknown keys.

Both the catalog and plan files go through it, so a company writing its own catalog and a
teacher opening a student's plan get the same kind of message: file, line, field, problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .source import MAX_PROBLEMS, Problem, TomlSource

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# A field kind is one of these names, or a nested spec for tables / arrays of tables.
STR, TEXT, ID, INT, BOOL, STRS, IDS = "str", "text", "id", "int", "bool", "strs", "ids"
NUM = "num"  # an integer or a float (plan cost multipliers)
TABLE = "table"  # a free-form table whose keys the caller checks

_TYPE_NAMES = {
    STR: "a non-empty string", TEXT: "a string", ID: "an id (lower-case letters, digits, - or _)",
    INT: "an integer", NUM: "a number", BOOL: "true or false", STRS: "a list of strings",
    IDS: "a list of ids",
    TABLE: "a table",
}


@dataclass(frozen=True)
class F:
    """One field: its kind (a name above, or a Spec for nested tables) and whether it must be there."""

    kind: Any
    required: bool = True
    many: bool = False  # with a Spec kind: an array of tables
    # INT/NUM: the allowed range, inclusive. Every number gets one, because the arithmetic
    # after validation (costs, runway months, chart ticks) must not meet a 400-digit figure.
    limits: tuple[int | float, int | float] | None = None


# What TOML (and every reader of our files) can hold: a signed 64-bit integer.
INT64 = (-(2**63), 2**63 - 1)


Spec = dict[str, F]


class Checker:
    """Collects problems for one source file."""

    def __init__(self, source: TomlSource):
        self.source = source
        self._problems: list[Problem] = []
        self._more = 0

    @property
    def problems(self) -> list[Problem]:
        """The problems found, the first MAX_PROBLEMS of them listed and the rest counted."""
        if not self._more:
            return list(self._problems)
        return [*self._problems, Problem(self.source.display,
                                         f"... and {self._more:,} more problems not listed")]

    def add(self, path: tuple[str | int, ...], message: str) -> None:
        if len(self._problems) >= MAX_PROBLEMS:
            self._more += 1
            return
        self._problems.append(Problem(self.source.display, message, self.source.locate(path)))

    def record(self, data: Any, spec: Spec, path: tuple[str | int, ...]) -> bool:
        """Check ``data`` against ``spec`` in place; True when it is usable."""
        label = _label(path)
        if not isinstance(data, dict):
            self.add(path, f"{label}: expected a table")
            return False
        ok = True
        for key in data:
            if key not in spec:
                self.add((*path, key), f"{_label((*path, key))}: unknown field")
                ok = False
        for key, f in spec.items():
            where = (*path, key)
            if key not in data:
                if f.required:
                    self.add(path, f"{_label(where)}: missing required field")
                    ok = False
                continue
            ok = self.value(data[key], f, where) and ok
        return ok

    def value(self, value: Any, f: F, path: tuple[str | int, ...]) -> bool:
        label = _label(path)
        if isinstance(f.kind, dict):
            if f.many:
                if not isinstance(value, list):
                    self.add(path, f"{label}: expected an array of tables ([[{path[-1]}]])")
                    return False
                return all([self.record(v, f.kind, (*path, i)) for i, v in enumerate(value)])
            return self.record(value, f.kind, path)
        good = _is_kind(value, f.kind)
        if not good:
            self.add(path, f"{label}: expected {_TYPE_NAMES[f.kind]}, got {_describe(value)}")
            return False
        if f.kind in (INT, NUM):
            lo, hi = f.limits or INT64
            if not lo <= value <= hi:  # NaN fails too
                self.add(path, f"{label}: must be from {lo:,} to {hi:,}, got {_describe(value)}")
                return False
        return True


def _is_kind(value: Any, kind: str) -> bool:
    if kind == STR:
        return isinstance(value, str) and value.strip() != ""
    if kind == TEXT:
        return isinstance(value, str)
    if kind == ID:
        return isinstance(value, str) and bool(ID_RE.match(value))
    if kind == INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == NUM:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == TABLE:
        return isinstance(value, dict)
    if kind == IDS:
        return isinstance(value, list) and all(isinstance(v, str) and ID_RE.match(v) for v in value)
    raise ValueError(kind)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "an empty string" if not value.strip() else f"the string {value[:40]!r}"
    if isinstance(value, int):
        if abs(value) < 10**30:
            return f"the integer {value:,}"
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _label(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


# For callers that check values beyond their type (plan/file_format's declared bounds).
is_kind = _is_kind
field_label = _label


def read_versioned(path, spec: Spec, fmt: str, version: int) -> tuple[Any, Checker]:
    """Read a file of ours that names its ``format`` and ``version`` (matrices, skill marks):
    the data and a checker already holding any format or version problem, for the caller's
    own checks to add to. Raises SourceError when the file cannot be read or ``spec`` fails,
    since the caller's checks would only trip over a wrong shape."""
    from .source import SourceError

    source = TomlSource.read(path)
    checker = Checker(source)
    if not checker.record(source.data, spec, ()):
        raise SourceError(checker.problems)
    data = source.data
    if data["format"] != fmt:
        checker.add(("format",), f"format: expected {fmt!r}, got {data['format']!r}")
    if data["version"] != version:
        checker.add(("version",), f"version: this app reads version {version}, "
                                  f"the file is version {data['version']}")
    return data, checker
