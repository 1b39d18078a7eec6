"""The app writes only changed cells (ui/screen_diff). If its copy of the screen ever drifted
from the terminal's, what a user sees would differ from what the app means to show: after a
walk through every pane, dialogs and a filter, a forced full redraw (ctrl+l) must change
nothing a terminal shows, character or attribute. Each pair of steps settles before the next.
"""

from __future__ import annotations

import pytest

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e

WALK = [
    ("down", "down", "down", "down", "down"),
    ("/",), ("e", "n", "g"), ("esc",), ("esc",),
    ("2",), ("down", "down"), ("enter",), ("esc",),
    ("3",), ("down",), ("tab",), ("space",),
    ("4",), ("down", "down"),
    ("?",), ("esc",), ("t",), ("esc",), ("p",), ("esc",),
    ("1",), ("up", "up"),
]


@pytest.mark.parametrize("colours", ["truecolor", "256"])
def test_every_screen_written_cell_by_cell_is_the_screen_redrawn_whole(airoles_bin, tmp_path,
                                                                       colours):
    env = {**user_dirs(tmp_path), "COLORTERM": "truecolor" if colours == "truecolor" else ""}
    with PtyTerm([airoles_bin], 80, 24, env=env) as term:
        term.wait_for("AI Ethics Specialist")
        term.settle()
        for i, keys in enumerate(WALK):
            term.press(*keys)
            term.settle(0.25)
            if i % 4 == 3 or i == len(WALK) - 1:
                drawn = term.steady()
                before = len(term.raw)
                term.press("ctrl-l")
                assert term.steady() == drawn, f"after {WALK[:i + 1]}:\n{term.text()}"
                assert len(term.raw) - before > 3000, "ctrl+l must rewrite the whole screen"
        term.press("ctrl-q")
        assert term.wait_exit() == 0


def test_a_resize_rewrites_the_screen_whole(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], 80, 24, env=env) as term:
        term.wait_for("AI Ethics Specialist")
        term.settle()
        # What a terminal may do on a resize: reflow or clear what was there. The app's copy
        # of the screen must not be trusted afterwards.
        term.stream.feed(b"\x1b[2J")
        term.resize(100, 30)
        term.wait_until(lambda: "AI Ethics Specialist" in term.text() and "Quit" in term.text())
        drawn = term.steady()
        term.press("ctrl-l")
        assert term.steady() == drawn
        term.press("ctrl-q")
        assert term.wait_exit() == 0
