"""What a hidden pane lets go of: the lines its widgets have rendered.

Textual keeps every widget's rendered lines (and, per line, the pieces the compositor cut
it into), an option list's rendered options and a tree's or text area's lines, whether the
widget is on screen or not, in private caches (``_styles_cache``, ``_option_render_cache``,
``_line_cache``). A pane the user left holds them until they come back. They are dropped
when a pane is left and rendered again when it is shown, a frame that repaints the pane
anyway. Rich's cache of measured text widths, which keeps the text of panes left long ago
alive, is emptied with them.
"""

from __future__ import annotations

from textual.widget import Widget

from . import active, register

_CACHES = ("_option_render_cache", "_line_cache")  # OptionList; Tree, TextArea


def _fits() -> bool:
    from rich.cells import cached_cell_len

    return ("_styles_cache" in Widget.__init__.__code__.co_names
            and callable(getattr(cached_cell_len, "cache_clear", None)))


register("hidden_panes", "a pane the user left drops the lines it rendered", _fits)


def forget_rendering(pane: Widget) -> None:
    """Drop the rendered lines of every widget in ``pane``; what they show is untouched."""
    if not active("hidden_panes"):
        return
    for widget in pane.query("*"):
        styles_cache = getattr(widget, "_styles_cache", None)
        if styles_cache is not None:
            styles_cache.clear()
        for name in _CACHES:
            cache = getattr(widget, name, None)
            if cache is not None:
                cache.clear()
        forget = getattr(widget, "forget_other_documents", None)  # a DocView's kept documents
        if forget is not None:
            forget()


def forget_text_widths() -> None:
    """Empty Rich's cache of measured text widths; a width is measured again when needed."""
    if not active("hidden_panes"):
        return
    from rich.cells import cached_cell_len

    cached_cell_len.cache_clear()
