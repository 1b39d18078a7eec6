"""How a plan field is declared once: its file type, whether a file must give it, its bounds.

The plan's dataclasses (plan/model.py) carry this as field metadata, and the file format
(plan/file_format.py) derives reading, writing and validation from it, so a new hire field is
one line in the dataclass (plus a widget in the form if it needs one). Plain dataclasses
rather than msgspec or pydantic: the validator the catalog already uses (validation/schema)
gives file:line messages, which is what people fixing a plan need, and the plan package stays
free of a dependency that would add import time to every headless command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any

# A check gets a value of the right type and yields (path below the field, problem) pairs.
Check = Callable[[Any], Iterator[tuple[tuple[str | int, ...], str]]]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: Any  # a validation.schema kind, or a dataclass for a nested table (many: an array)
    required: bool = False
    check: Check | None = None
    # Written only when it differs from the default: fields added after the first release,
    # so a plan that does not use them is written byte for byte as that release wrote it.
    omit_default: bool = False
    convert: Callable[[Any], Any] | None = None  # file value -> model value (int -> float)
    many: bool = False


def declared(kind: Any, default: Any = MISSING, *, factory: Any = MISSING,
             required: bool = False, check: Check | None = None, omit_default: bool = False,
             convert: Callable[[Any], Any] | None = None, many: bool = False) -> Any:
    """A dataclass field that the file format knows how to read, write and check."""
    meta = {"plan": FieldSpec(kind, required, check, omit_default, convert, many)}
    if factory is not MISSING:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def declared_fields(cls: type) -> list[tuple[Field, FieldSpec]]:
    """The fields of ``cls`` that belong in a plan file, in declaration order."""
    return [(f, f.metadata["plan"]) for f in fields(cls) if "plan" in f.metadata]


def default_of(f: Field) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


# -- checks ----------------------------------------------------------------------------------


def at_least(low: int | float, message: str) -> Check:
    def check(value: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if value < low:
            yield (), message
    return check


def within(low: float, high: float, message: str) -> Check:
    """low < value <= high."""
    def check(value: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if not low < value <= high:
            yield (), message
    return check


def one_of(choices: Any) -> Check:
    def check(value: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if value not in choices:
            yield (), f"{value!r} is not one of " + ", ".join(choices)
    return check
