"""What a hidden pane lets go of: the lines its widgets have rendered.

Textual keeps every widget's rendered lines (and, per line, the pieces the compositor cut
it into), an option list's rendered options and a tree's or text area's lines, whether the
widget is on screen or not. A pane the user left holds them until they come back, so a
session that had visited every pane held four panes' worth of lines (~1.1 MiB, and ~0.6
MiB of measured text widths) for one pane on screen. They are dropped when a pane is left
and rendered again (a few ms) when it is shown, a frame that repaints the pane anyway.
"""

from __future__ import annotations

from textual.widget import Widget

from ..widgets.doc_view import DocView


def forget_text_widths() -> None:
    """Rich remembers the width of every string it has measured (up to 4,096, ~0.6 MiB
    once full), which keeps the text of panes left long ago alive. Emptied with the
    panes' lines; a width is measured again when needed."""
    try:
        from rich.cells import cached_cell_len
    except ImportError:  # another rich: nothing to empty
        return
    cache_clear = getattr(cached_cell_len, "cache_clear", None)
    if cache_clear is not None:
        cache_clear()


def forget_rendering(pane: Widget) -> None:
    """Drop the rendered lines of every widget in ``pane``; what they show is untouched."""
    for widget in pane.query("*"):
        widget._styles_cache.clear()
        for name in ("_option_render_cache", "_line_cache"):  # OptionList; Tree, TextArea
            cache = getattr(widget, name, None)
            if cache is not None:
                cache.clear()
        if isinstance(widget, DocView):
            widget.forget_other_documents()
