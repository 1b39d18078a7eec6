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
NOT_IN_TABLE_NOTE = (f"{NOT_IN_TABLE} not a row of the article's comparison table: the range "
                     "is the one its section gives")


def is_ours(record: object, field: str) -> bool:
    """Whether ``field`` of ``record`` (a dotted name for a sub-table) is our inference."""
    return field in getattr(record, "ours", ())


def mark(record: object, field: str, text: str) -> str:
    """``text`` with the ours tag in front when the field is ours, as it is otherwise."""
    return f"{OURS_TAG}: {text}" if text and is_ours(record, field) else text


def source_line(record: object) -> str:
    source = getattr(record, "source", "")
    return f"Source: the article's section \u201c{source}\u201d" if source else ""
