"""The foot of a document: which article section it restates, and the legend of the ours mark.

Every document built from a catalog entry ends the same way, so a reader learns one place to
look; the legend appears only on a page that carries the mark (``Marks.used``).
"""

from __future__ import annotations

from ...catalog.provenance import Marks
from .text import MUTED, Doc


def sign(doc: Doc, marks: Marks) -> Doc:
    lines = marks.footer()
    if lines:
        doc.heading("Provenance")
        for line in lines:
            doc.para(line, MUTED)
    return doc
