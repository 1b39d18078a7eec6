"""A one-line notice when the terminal is smaller than the layouts are made for (80x24).

The app keeps working below that size (nothing crashes, text is cut or scrolls), but a user
on a 60x20 window should be told why things look cramped and what size fixes it, instead of
guessing. 80x23 counts as enough: that is an 80x24 terminal inside tmux with a status line.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Static

from .text import literal

NEEDS = Size(80, 23)


def notice_for(size: Size) -> str | None:
    if size.width >= NEEDS.width and size.height >= NEEDS.height:
        return None
    # Names the size that works (NEEDS), not the one the layouts were drawn for.
    return (f"Terminal {size.width}x{size.height} is small: airoles-tui needs at least "
            f"{NEEDS.width}x{NEEDS.height}")


class SizeNotice(Static):
    """Hidden at 80x23 and above; the App calls ``fit`` on every resize."""

    DEFAULT_CSS = """
    SizeNotice {
        display: none;
        height: auto;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }
    SizeNotice.-shown { display: block; }
    """

    def fit(self, size: Size) -> None:
        text = notice_for(size)
        if text:
            self.update(literal(text))
        self.set_class(text is not None, "-shown")
