"""The installed `airoles-tui` in a real pty: first frame, cursor moves, quit, terminal restored."""

from __future__ import annotations

import pytest

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e


def test_browse_the_tree_and_quit(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], 80, 24, env=env) as term:
        term.wait_for("AI Ethics Specialist")
        screen = term.wait_for("$200,000 – $500,000+")  # the card may follow the tree by a frame
        # Every family expanded, all twelve roles on the first screen, the card beside them.
        for name in ("Research & Science", "Engineering & Production", "AI Research Scientist",
                     "Prompt Engineer", "Data Scientist"):
            assert name in screen
        assert "$200,000 – $500,000+" in screen
        term.press("down")
        term.wait_for("$180,000 – $400,000")  # Research Engineer's card
        term.press("down", "down", "down")
        term.wait_for("ML Engineer (MLE)")
        term.press("q")
        assert term.wait_exit() == 0
        assert term.restored_terminal()


def test_filter_in_a_real_terminal(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], 80, 24, env=env) as term:
        term.wait_for("AI Ethics Specialist")
        term.type("/airflow")  # one write, as a fast typist's keys arrive over SSH
        screen = term.wait_for("2 of 12 roles match")
        assert "Data Engineer" in screen and "AI Safety Researcher" not in screen
        term.press("esc")
        term.wait_for("AI Safety Researcher")
        term.press("ctrl-q")
        assert term.wait_exit() == 0


def test_ctrl_l_redraws_a_screen_spoilt_by_line_noise(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], 80, 24, env=env, frames=True) as term:
        term.wait_until(lambda: "Quit" in term.screen.display[-1])  # the first screen's last
        clean = term.steady()
        term.stream.feed(b"\x1b[5;5HNOISE NOISE\x1b[20;40Hmessage from root")  # as the tty got it
        assert "NOISE" in term.text()
        before = len(term.raw)
        term.press("ctrl-l")
        term.next_frame(before)  # the redraw, one frame
        assert term.cells() == clean
        term.press("ctrl-q")
        assert term.wait_exit() == 0
