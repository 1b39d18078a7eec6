"""Which words are the article's and which are ours, for every catalog entry.

The app is only worth reading if a user can tell the article's claims from our own reading of
it. Each entry names the article section it restates (``source``) and lists the fields that are
our inference (``ours``: field names, dotted for a sub-table, "compensation.notes"). Everything
that shows catalog text marks those fields with the same glyph and one legend, so the marking
survives 16 colours, NO_COLOR and a Markdown export alike.
"""

from __future__ import annotations

OURS = "◇"
OURS_TAG = f"{OURS} ours"
LEGEND = f"{OURS_TAG}: our own inference or wording; the article does not say it"
NOT_IN_TABLE = "*"
NOT_IN_TABLE_NOTE = f"{NOT_IN_TABLE} not a row of the article's table: its range is its section's"


def is_ours(record: object, field: str) -> bool:
    """Whether ``field`` of ``record`` (a dotted name for a sub-table) is our inference."""
    return field in getattr(record, "ours", ())


def mark(record: object, field: str, text: str) -> str:
    """``text`` with the ours tag in front when the field is ours, as it is otherwise."""
    return f"{OURS_TAG}: {text}" if text and is_ours(record, field) else text


def source_line(record: object) -> str:
    source = getattr(record, "source", "")
    return f"Source: the article's section \u201c{source}\u201d" if source else ""


def heading(record: object, field: str, text: str) -> str:
    """A heading over a field, with the ours tag after it when the field is ours."""
    return f"{text}  {OURS_TAG}" if is_ours(record, field) else text


class Marks:
    """The marks of one document: remembers whether any was made, so the legend appears
    exactly when there is a mark on the page to explain."""

    def __init__(self, record: object) -> None:
        self.record = record
        self.used = False

    def _note(self, field: str) -> bool:
        ours = is_ours(self.record, field)
        self.used = self.used or ours
        return ours

    def heading(self, field: str, text: str) -> str:
        return heading(self.record, field, text) if self._note(field) else text

    def text(self, field: str, text: str) -> str:
        return mark(self.record, field, text) if text and self._note(field) else text

    def items(self, field: str, items: tuple[str, ...] | list[str]) -> list[str]:
        return [self.text(field, i) for i in items]

    def footer(self) -> list[str]:
        """The source line, and the legend when a mark was made."""
        lines = [source_line(self.record)]
        return [line for line in lines if line] + ([LEGEND] if self.used else [])
