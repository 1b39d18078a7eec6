"""The restore offer after a dropped session, as the installed app shows it at launch.

The README promises that the next launch asks "Restore unsaved plan …?". Restoring brings
the user to the plan: the designer's tab is the active one and its keys are in the footer,
whatever pane the launch itself landed on.
"""

from __future__ import annotations

import signal

import pytest

from .ptyterm import PtyTerm, user_dirs
from .test_colours import bold_tabs

pytestmark = pytest.mark.e2e

DESIGNER_KEYS = ("a Add", "e Details", "g Growth", "v Analysis", "^s Save")


def test_the_next_launch_offers_the_plan_and_restoring_shows_the_designer(airoles_bin,
                                                                          tmp_path):
    from airoles_tui.ui.app import PANES

    plans = tmp_path / "plans"
    env = user_dirs(tmp_path)
    argv = [airoles_bin, "--plans-dir", str(plans)]
    with PtyTerm(argv, env=env) as term:
        term.wait_for("roles ·", timeout=30)
        term.press("4")
        term.wait_for("hires ·")
        term.press("a")  # a first hire: the plan has unsaved changes
        term.wait_for("unsaved changes")
        term.kill(signal.SIGHUP)  # the connection drops
        assert term.wait_exit() == 128 + signal.SIGHUP
    assert len(list((plans / ".recovery").glob("*.toml"))) == 1

    with PtyTerm(argv, env=env) as term:
        term.wait_for("Restore unsaved plan", timeout=30)
        term.press("r")
        term.wait_for("1/15 hires")
        designer = [p.id == "org" for p in PANES]
        term.wait_until(lambda: bold_tabs(term, PANES) == designer
                        and all(k in term.screen.display[-1] for k in DESIGNER_KEYS))
        term.press("q")  # restored, unsaved: quitting asks first
        term.wait_for("has unsaved changes")
