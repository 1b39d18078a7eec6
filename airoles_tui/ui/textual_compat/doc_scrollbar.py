"""A scroll view's new length updates its scrollbar alone.

Assigning ``virtual_size`` (a layout reactive) re-lays and repaints the whole view; for a
document view whose lines are already repainted one by one, only the scrollbar depends on
it. With the patch in force the size is recorded silently and Textual's private
``_scroll_update`` brings the scrollbar up to date; otherwise the public assignment is made.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget

from . import active, register


def _fits() -> bool:
    return callable(getattr(Widget, "_scroll_update", None))


register("doc_scrollbar", "a document's new length repaints its scrollbar, not the view",
         _fits)


def set_virtual_size(view: ScrollView, size: Size) -> None:
    if active("doc_scrollbar"):
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)
    else:
        view.virtual_size = size
