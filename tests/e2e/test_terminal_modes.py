"""What the app asks of the terminal: a short Esc delay, and mouse reports only when wanted."""

from __future__ import annotations

import sys

import pytest

from .ptyterm import PtyTerm
from .sshd import installed_app

pytestmark = pytest.mark.e2e

MOUSE_ON = b"\x1b[?1000h"

# Runs the real CLI up to the point where the app would start, then reports the Esc delay
# Textual settled on: it reads ESCDELAY once, at import, so the CLI must set it before any
# textual import (the theme check included).
STUB = """
import os, sys, types
if "KEEP" not in os.environ:
    os.environ.pop("ESCDELAY", None)
stub = types.ModuleType("airoles_tui.ui.app")
def run_app(args, catalog):
    import textual.constants
    print("ESCAPE_DELAY", textual.constants.ESCAPE_DELAY, flush=True)
    return 0
stub.run_app = run_app
sys.modules["airoles_tui.ui.app"] = stub
assert "textual" not in sys.modules
from airoles_tui.cli.main import main
sys.exit(main([]))
"""


@pytest.mark.parametrize(("env", "expected"), [({}, "0.025"), ({"KEEP": "1", "ESCDELAY": "10"},
                                                                "0.01")])
def test_escape_delay_reaches_textual(env, expected):
    with PtyTerm([sys.executable, "-c", STUB], env=env) as term:
        term.wait_for("ESCAPE_DELAY")
        assert term.wait_exit() == 0
        assert f"ESCAPE_DELAY {expected}" in term.text()


@pytest.mark.parametrize(("args", "mouse"), [((), True), (("--no-mouse",), False)])
def test_mouse_reporting_only_when_wanted(args, mouse):
    with PtyTerm([str(installed_app()), *args]) as term:
        term.wait_for("roles ·", timeout=30)
        term.press("q")
        assert term.wait_exit() == 0
        assert (MOUSE_ON in term.raw) is mouse  # in all the session wrote


def test_mouse_click_selects_a_role():
    with PtyTerm([str(installed_app())]) as term:
        screen = term.wait_for("roles ·", timeout=30)
        y = next(i for i, line in enumerate(screen.splitlines())
                 if line.startswith("├ ML Engineer"))
        # SGR mouse report: press and release of button 1 at column 5, row y (1-based).
        term.type(f"\x1b[<0;5;{y + 1}M\x1b[<0;5;{y + 1}m")
        term.wait_for("ML Engineer (MLE)")
        term.press("q")
        assert term.wait_exit() == 0


@pytest.mark.parametrize("delay", [0.0, 0.15, 0.3])
def test_quit_during_start_up_exits_cleanly(delay):
    """q (or a hang-up) before the other panes are mounted: no traceback, terminal restored."""
    import os
    import time

    with PtyTerm([str(installed_app())]) as term:
        time.sleep(delay)
        os.write(term.fd, b"q")
        assert term.wait_exit(30) == 0, term.text()
        assert b"Traceback" not in term.raw and b"Error" not in term.raw[-4000:]
        assert term.restored_terminal()


def test_pane_chosen_while_starting_stays_chosen():
    """Over ssh keys typed ahead arrive during start-up, while the other panes still mount."""
    import os

    with PtyTerm([str(installed_app())]) as term:
        term.wait_for("roles ·", timeout=30)  # the first frame: the other panes mount next
        os.write(term.fd, b"2")
        term.wait_for("documents ·", timeout=30)
        term.settle(0.5)  # every pane mounted by now: the choice must have held
        assert "documents ·" in term.text()
        term.press("q")
        assert term.wait_exit() == 0
