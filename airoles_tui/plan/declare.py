"""How a plan field is declared once: its file type, whether a file must give it, its bounds.

The plan's dataclasses (plan/model.py) carry this as field metadata, and the file format
(plan/file_format.py) derives reading, writing and validation from it, and the designer's
hire form (ui/panes/hire_editor.py) its fields, labels, order and kind of widget; so a new
hire field is one line in the dataclass (plus a widget in the form only if none of the
ordinary ones fits). Plain dataclasses
rather than msgspec or pydantic: the validator the catalog already uses (validation/schema)
gives file:line messages, which is what people fixing a plan need, and the plan package stays
free of a dependency that would add import time to every headless command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any

from ..validation.schema import INT, NUM, STR, TEXT

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
    # The form: the field's label ("" = its name in words), its widget (WIDGETS: "" = the
    # one its kind takes), and its place (ordered by ``order``, then as declared).
    label: str = ""
    widget: str = ""
    order: int = 50


# The form's widgets: "line" a one-line field, "text" several lines, "number" a whole
# number, "decimal" any number, "none" not in the form; the rest are the hire form's own ("role", "seniority",
# "month").
WIDGETS = ("", "line", "text", "number", "decimal", "none", "role", "seniority", "month")


def declared(kind: Any, default: Any = MISSING, *, factory: Any = MISSING,
             required: bool = False, check: Check | None = None, omit_default: bool = False,
             convert: Callable[[Any], Any] | None = None, many: bool = False,
             label: str = "", widget: str = "", order: int = 50) -> Any:
    """A dataclass field that the file format knows how to read, write and check, and the
    designer's form how to show."""
    if widget not in WIDGETS:
        raise ValueError(f"unknown widget {widget!r}: one of {', '.join(WIDGETS)}")
    meta = {"plan": FieldSpec(kind, required, check, omit_default, convert, many, label,
                              widget, order)}
    if factory is not MISSING:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def declared_fields(cls: type) -> list[tuple[Field, FieldSpec]]:
    """The fields of ``cls`` that belong in a plan file, in declaration order."""
    return [(f, f.metadata["plan"]) for f in fields(cls) if "plan" in f.metadata]


@dataclass(frozen=True, slots=True)
class FormField:
    """A field as a form shows it."""

    name: str
    label: str
    widget: str
    spec: FieldSpec


def form_fields(cls: type) -> list[FormField]:
    """The fields of ``cls`` a form shows, in its order: label and widget from the
    declaration, or from the field's name and file type."""
    shown = []
    for n, (f, spec) in enumerate(declared_fields(cls)):
        widget = spec.widget or (
            "number" if spec.kind == INT else "decimal" if spec.kind == NUM
            else "line" if spec.kind in (TEXT, STR) else "none")
        if widget != "none":
            label = spec.label or f.name.replace("_", " ").capitalize()
            shown.append((spec.order, n, FormField(f.name, label, widget, spec)))
    return [entry for *_, entry in sorted(shown, key=lambda e: (e[0], e[1]))]


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
