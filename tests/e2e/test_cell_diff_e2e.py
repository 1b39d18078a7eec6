"""The app writes only changed cells (ui/screen_diff). If its copy of the screen ever drifted
from the terminal's, what a user sees would differ from what the app means to show: after a
walk through every pane, dialogs and a filter, a forced full redraw (ctrl+l) must change
nothing a terminal shows, character or attribute.

Each step waits for what it shows (the footer's keys for the focused part come last), so the
next keys act where the walk means them to. Before each redraw the screen must also be
steady; the redraw is then one frame, and the screen right after it is compared.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e

Shows = Callable[[PtyTerm], bool]


def text(needle: str) -> Shows:
    return lambda term: needle in term.text()


def gone(needle: str) -> Shows:
    return lambda term: needle not in term.text()


def footer(keys: str) -> Shows:
    """The footer (the last line) begins with these keys: the focused part's."""
    return lambda term: term.screen.display[-1].startswith(keys)


CHECK = True  # ctrl+l after this step must change nothing
# (keys, what the screen shows once they are done, CHECK?). A step that changes no cell
# (a second esc, arrows in an empty plan) has nothing to wait for: the walk has none.
WALK: list[tuple[tuple[str, ...], tuple[Shows, ...], bool]] = [
    (("down", "down", "down", "down", "down"), (text("Forward Deployed Engineer (FDE)"),),
     False),
    (("/",), (footer(" ↓ Back to list  esc Clear filter"),), False),
    (("e", "n", "g"), (text("10 of 12 roles match"),), False),
    (("esc",), (text("12 roles · s skills"), footer(" space Mark")), CHECK),
    (("2",), (text("19 documents"), footer(" / Filter  q Quit")), False),
    (("down", "down"), (text("Spotify runs hundreds"),), False),
    (("enter",), (footer(" l Links  esc Back"),), CHECK),
    (("esc",), (footer(" / Filter  q Quit"),), False),
    (("3",), (text("The article's answer"), footer(" m Skills matrix")), False),
    (("down",), (text("(*) Data analytics"), text("1.  Data Scientist")), False),
    (("tab",), (), CHECK),  # the focus moves to the interests: attributes only
    (("space",), (text("[x] Research"), text("matching interest (research)")), False),
    (("4",), (text("No hire selected"), footer(" a Add  ⏎ Edit")), False),
    (("?",), (text("Keys: Org designer"),), CHECK),
    (("esc",), (gone("Keys: Org designer"),), False),
    (("t",), (text("Roles compared"), footer(" esc Back  s Sort by next column")), False),
    (("esc",), (gone("Roles compared"), footer(" a Add  ⏎ Edit")), False),
    (("p",), (text("$200K–$500K+"), footer(" esc Back  s Sort  r Reverse")), CHECK),
    (("esc",), (gone("Pay at a glance"), footer(" a Add  ⏎ Edit")), False),
    (("1",), (text("12 roles · s skills"), footer(" space Mark")), False),
    (("up", "up"), (text("Research & Science  role family"),), CHECK),
]


def redraw_changes_nothing(term: PtyTerm, where: str) -> None:
    drawn = term.steady()
    before = len(term.raw)
    term.press("ctrl-l")
    end = term.next_frame(before)
    assert term.cells() == drawn, f"{where}:\n{term.text()}"
    assert end - before > 3000, "ctrl+l must rewrite the whole screen"


@pytest.mark.parametrize("colours", ["truecolor", "256"])
def test_every_screen_written_cell_by_cell_is_the_screen_redrawn_whole(airoles_bin, tmp_path,
                                                                       colours):
    env = {**user_dirs(tmp_path), "COLORTERM": "truecolor" if colours == "truecolor" else ""}
    with PtyTerm([airoles_bin], 80, 24, env=env, frames=True) as term:
        term.wait_until(lambda: "AI Ethics Specialist" in term.text()
                        and footer(" space Mark")(term))
        for i, (keys, shows, check) in enumerate(WALK):
            before = term.cells()
            done = shows or (lambda term, before=before: term.cells() != before,)
            assert not all(s(term) for s in done), f"step {keys} shows nothing new"
            term.press(*keys)
            term.wait_until(lambda: all(s(term) for s in done))
            if check:
                redraw_changes_nothing(term, f"after {[k for k, _, _ in WALK[:i + 1]]}")
        term.press("ctrl-q")
        assert term.wait_exit() == 0


def test_a_resize_rewrites_the_screen_whole(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], 80, 24, env=env, frames=True) as term:
        term.wait_until(lambda: "AI Ethics Specialist" in term.text()
                        and footer(" space Mark")(term))
        # What a terminal may do on a resize: reflow or clear what was there. The app's copy
        # of the screen must not be trusted afterwards.
        term.stream.feed(b"\x1b[2J")
        term.resize(100, 30)
        term.wait_until(lambda: "AI Ethics Specialist" in term.text() and "Quit" in term.text())
        redraw_changes_nothing(term, "after a resize")
        term.press("ctrl-q")
        assert term.wait_exit() == 0
