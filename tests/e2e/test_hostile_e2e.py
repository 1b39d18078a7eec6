"""Control sequences in a plan file never reach the terminal (issue 11), through the
installed app in a real pty: the plan's text is shown with its controls visible, and the
bytes the terminal receives hold no OSC 52 (clipboard), no screen clear and no C1 control.
"""

from __future__ import annotations

import re

import pytest

from airoles_tui.plan.model import Hire, OrgPlan
from airoles_tui.plan.store import save_plan

from .ptyterm import PtyTerm, user_dirs
from .test_org_sighup import wait_focus

pytestmark = pytest.mark.e2e

HOSTILE = "T\x1b]52;c;aGVsbG8=\x07X\x1b[2JY\x9b2JZ"


def test_a_hostile_plan_writes_no_control_sequence_to_the_terminal(airoles_bin, tmp_path):
    plans = tmp_path / "plans"
    path = plans / "hostile.toml"
    save_plan(OrgPlan(name=HOSTILE, hires=[Hire("ml-engineer", title=HOSTILE,
                                                rationale=HOSTILE), Hire(HOSTILE)]),
              path, None)
    with PtyTerm([airoles_bin, "--plans-dir", str(plans), "open", str(path)],
                 env=user_dirs(tmp_path)) as term:
        term.wait_for("␛]52")  # the name, in the header, visibly
        term.wait_for("saved (hostile.toml)")
        term.press("enter")  # the first hire's form: title and rationale fields
        wait_focus(term, "Role")
        term.wait_until(lambda: "esc Back to list" in term.screen.display[-1])  # drawn last
        term.press("esc")
        term.wait_until(lambda: "⏎ Edit" in term.screen.display[-1])  # back on the list
        term.press("q")  # nothing was edited: showing the text changed nothing
        assert term.wait_exit() == 0
    out = term.raw.decode("utf-8", "replace")
    assert "\x1b]52" not in out and "\x1b[2JY" not in out
    assert not re.search("[\x80-\x9f]", out)
    assert "⍰9B" in out
