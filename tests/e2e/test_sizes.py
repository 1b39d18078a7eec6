"""Terminal sizes, in a real pty: 80x24 is enough, 60x20 says what it needs, resizing re-lays."""

from __future__ import annotations

import pytest

from .ptyterm import PtyTerm
from .sshd import installed_app

pytestmark = pytest.mark.e2e

NOTICE = "airoles-tui needs at least 80x23"


def start(cols: int, rows: int) -> PtyTerm:
    """The app at this size, once its first screen is complete: the footer's keys are drawn
    last (the notice, or none, was decided by the first frame)."""
    term = PtyTerm([str(installed_app())], cols=cols, rows=rows)
    term.wait_for("roles ·", timeout=30)
    term.wait_until(lambda: "Quit" in term.screen.display[-1])
    return term


def walk_60x20() -> list[tuple[str, str | None, str | None]]:
    """(key, what it shows, what it removes): a key is pressed once the last one's effect is
    on screen. Every pane, the help and the table."""
    from airoles_tui.ui.app import PANES

    from .test_ssh import PANE_MARKS

    return [("down", "▕ Research Engineer", None), ("down", "▕ Applied Scientist", None),
            *[(str(n), PANE_MARKS[p.id], None) for n, p in enumerate(PANES, start=1)],
            ("1", PANE_MARKS["roles"], None), ("?", "Keys: Roles", None),
            ("esc", None, "Keys: Roles"), ("t", "Roles compared", None),
            ("esc", None, "Roles compared")]


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
        for key, shows, removes in walk_60x20():
            term.press(key)
            term.wait_until(lambda shows=shows, removes=removes:
                            (shows is None or shows in term.text())
                            and (removes is None or removes not in term.text()))
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
