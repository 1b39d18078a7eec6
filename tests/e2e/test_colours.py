"""Colour modes, in a real pty: 24-bit, 256, 16 colours and NO_COLOR.

Each mode must start, use only the colours the terminal has, and keep what the app means
readable without colour: the cursor row carries an attribute (bold or reverse) that pyte sees
even when every colour is ignored, and the pay chart's bars are characters, not shades.
"""

from __future__ import annotations

import re

import pytest

from .ptyterm import PtyTerm
from .sshd import installed_app

pytestmark = pytest.mark.e2e

MODES = {
    "truecolor": {"TERM": "xterm-256color", "COLORTERM": "truecolor"},
    "256": {"TERM": "xterm-256color", "COLORTERM": ""},  # what an ssh login gets
    "16-xterm": {"TERM": "xterm", "COLORTERM": ""},
    "16-linux": {"TERM": "linux", "COLORTERM": ""},
    "no-color": {"TERM": "xterm-256color", "COLORTERM": "", "NO_COLOR": "1"},
}
TRUECOLOR = re.compile(rb"\x1b\[[0-9;]*[34]8;2;")
COLOR256 = re.compile(rb"\x1b\[[0-9;]*[34]8;5;")


def start(env: dict[str, str]) -> PtyTerm:
    """The app, once its first screen is complete: the footer's keys are drawn last."""
    term = PtyTerm([str(installed_app())], env=env)
    term.wait_for("roles ·", timeout=30)
    term.wait_until(lambda: "Quit" in term.screen.display[-1])
    return term


def tree_row(term: PtyTerm, name: str) -> int:
    """Screen row of a role in the tree (the left column), so card text does not match."""
    for y, line in enumerate(term.screen.display):
        if line[:35].strip(" ├└│").strip() == name:
            return y
    raise AssertionError(f"{name!r} not in the tree:\n{term.text()}")


def marked(term: PtyTerm, y: int, name: str) -> bool:
    """Whether the label on row y carries bold or reverse: a mark colour cannot erase."""
    x = term.screen.display[y].index(name)
    cells = [term.screen.buffer[y][x + i] for i in range(len(name))]
    return all(c.bold or c.reverse for c in cells)


@pytest.mark.parametrize("mode", MODES)
def test_cursor_row_is_marked_without_colour(mode):
    with start(MODES[mode]) as term:
        first, second = "AI Research Scientist", "Research Engineer"
        term.wait_until(lambda: marked(term, tree_row(term, first), first))  # the tree's focus
        assert not marked(term, tree_row(term, second), second)
        term.press("down")
        term.wait_until(lambda: marked(term, tree_row(term, second), second))
        assert not marked(term, tree_row(term, first), first)
        term.press("q")
        assert term.wait_exit() == 0


@pytest.mark.parametrize("mode", MODES)
def test_only_the_colours_the_terminal_has(mode):
    with start(MODES[mode]) as term:
        term.press("q")
        assert term.wait_exit() == 0
        raw = bytes(term.raw)  # all the session wrote, its first screen and its end
    truecolor, c256 = bool(TRUECOLOR.search(raw)), bool(COLOR256.search(raw))
    if mode == "truecolor":
        assert truecolor
    elif mode in ("256", "no-color"):
        assert c256 and not truecolor
    else:
        assert not truecolor and not c256, "16-colour terminal sent 256/24-bit colours"


@pytest.mark.parametrize("mode", ["16-linux", "no-color"])
def test_pay_bars_are_characters(mode):
    with start(MODES[mode]) as term:
        term.press("p")
        term.wait_for("Pay at a glance")
        screen = term.wait_for("$200K–$500K+")  # the last bar drawn
        bars = [line for line in screen.splitlines() if "█" in line and "$" in line]
        assert len(bars) >= 12, screen
        assert "▶" in screen  # the open-ended top of a range is a glyph, not a tint
        term.press("esc")
        term.wait_gone("Pay at a glance")  # esc and q apart: together they are alt+q
        term.press("q")
        assert term.wait_exit() == 0


def bold_tabs(term: PtyTerm, panes) -> list[bool]:
    """For each tab in the bar, whether its title is drawn bold."""
    tabs = term.screen.display[0]
    return [term.screen.buffer[0][tabs.index(f"{m} {p.title}") + 2].bold
            for m, p in enumerate(panes, start=1)]


@pytest.mark.parametrize("mode", ["16-linux", "no-color"])
def test_every_pane_draws_and_the_active_tab_is_bold(mode):
    from airoles_tui.ui.app import PANES

    from .test_ssh import PANE_MARKS

    with start(MODES[mode]) as term:
        for n, pane in enumerate(PANES, start=1):
            term.press(str(n))
            screen = term.wait_for(PANE_MARKS[pane.id])
            assert "Traceback" not in screen
            # The active tab is told apart by an attribute, not by brightness alone. The tab
            # bar may be redrawn a frame after the pane's content: wait for it, as a user would.
            term.wait_until(lambda n=n: bold_tabs(term, PANES) == [m == n for m in
                                                                    range(1, len(PANES) + 1)])
        term.press("1")
        term.wait_for(PANE_MARKS["roles"])
        term.press("q")
        assert term.wait_exit() == 0
