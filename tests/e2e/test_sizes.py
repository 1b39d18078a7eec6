"""Terminal sizes, in a real pty: 80x24 is enough, 60x20 says what it needs, resizing re-lays."""

from __future__ import annotations

import pytest

from .ptyterm import PtyTerm
from .sshd import installed_app

pytestmark = pytest.mark.e2e

NOTICE = "airoles-tui needs at least 80x23"


def start(cols: int, rows: int) -> PtyTerm:
    term = PtyTerm([str(installed_app())], cols=cols, rows=rows)
    term.wait_for("roles ·", timeout=30)
    term.settle(0.3)
    return term


def pane_keys() -> list[str]:
    from airoles_tui.ui.app import PANES

    return [str(n) for n in range(1, len(PANES) + 1)]


def test_80x24_shows_everything_and_no_notice():
    with start(80, 24) as term:
        term.wait_for("Quit")  # the footer can be redrawn just after the first frame
        screen = term.text()
        assert NOTICE not in screen
        assert "1 Roles" in term.screen.display[0]
        assert "Quit" in term.screen.display[-1]  # the footer, on the last line
        assert "AI Research Scientist" in screen and "Primary focus" in screen
        term.press("q")
        assert term.wait_exit() == 0


def test_60x20_says_what_it_needs_and_keeps_working():
    with start(60, 20) as term:
        assert "Terminal 60x20 is small: " + NOTICE in term.text()
        for key in ["down", "down", *pane_keys(), "1", "?", "esc", "t", "esc"]:
            term.press(key)
            term.settle(0.1)
            assert term.status is None, f"exited after {key!r}:\n{term.text()}"
        assert "Traceback" not in term.text()
        term.press("q")
        assert term.wait_exit() == 0
        assert term.restored_terminal()


def test_resize_while_running_re_lays_the_screen():
    with start(80, 24) as term:
        wide_footer = term.wait_for("Quit").splitlines()[-1]
        term.resize(60, 20)
        term.wait_for(NOTICE)
        term.wait_until(lambda: "Filter" in term.screen.display[-1])  # footer re-laid
        assert term.screen.display[-1] != wide_footer
        term.resize(100, 30)
        term.wait_gone(NOTICE)
        # The card takes the new width (text past the old right edge), the footer the last line.
        term.wait_until(lambda: any(line[80:].strip() for line in term.screen.display[2:-1]))
        term.wait_until(lambda: "Quit" in term.screen.display[29])
        term.press("q")
        assert term.wait_exit() == 0


def test_the_notice_names_the_size_that_works():
    # 80x23 is enough (an 80x24 terminal under tmux's status line); the notice said 80x24.
    with start(80, 23) as term:
        term.wait_for("Quit")
        assert "is small" not in term.text()
        term.resize(79, 23)
        term.wait_for("Terminal 79x23 is small: " + NOTICE)
        term.press("q")
        assert term.wait_exit() == 0
