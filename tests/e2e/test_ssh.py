"""The product's main road: `ssh server`, then `airoles-tui`, through a real sshd and pty.

Logs in to the private sshd (tests/e2e/sshd.py) with `ssh -tt` the way a user does, reads the
screen through pyte, walks every pane, quits and checks the terminal was given back.
"""

from __future__ import annotations

import signal
import subprocess
import time

import pytest

from airoles_tui.ui.app import PANES

from .ptyterm import PtyTerm
from .sshd import installed_app, session_pids
from .test_org_sighup import wait_focus

pytestmark = [pytest.mark.e2e, pytest.mark.sshd]

# What each pane shows when it is active, so a test knows it arrived (not just that a key
# was sent). A pane added to PANES without an entry here fails the walk below on purpose.
PANE_MARKS = {
    "roles": "roles ·",
    "cases": "documents ·",
    "recommender": "The article's answer",
    "org": "hires ·",
}


def back_to_the_list(term: PtyTerm) -> None:
    """esc from the hire form, waited for (the footer shows the list's keys again): a key
    sent right behind a lone esc could be read with it as one alt+key sequence."""
    term.press("esc")
    term.wait_for("⏎ Edit")


def login(sshd, *args: str, env: dict[str, str] | None = None, cols: int = 80,
          rows: int = 24) -> PtyTerm:
    return PtyTerm(sshd.ssh_argv("airoles-tui", *args, env=env), cols=cols, rows=rows,
                   env={"COLORTERM": ""})  # ssh does not forward COLORTERM


def test_login_walk_every_pane_and_quit(sshd):
    with login(sshd) as term:
        term.wait_for("Roles", timeout=30)
        first = term.wait_for(PANE_MARKS["roles"])
        assert "ML Engineer" in first
        term.press("down")
        term.wait_for("Research Engineer")
        for n, pane in enumerate(PANES, start=1):
            assert pane.id in PANE_MARKS, f"add what pane {pane.id!r} shows to PANE_MARKS"
            term.press(str(n))
            screen = term.wait_for(PANE_MARKS[pane.id])
            assert "Traceback" not in screen
        term.press("1")
        term.wait_for(PANE_MARKS["roles"])
        term.press("q")
        assert term.wait_exit() == 0
        assert term.restored_terminal(), "alternate screen not left or cursor not shown"


def test_design_and_save_a_plan_over_ssh(sshd, tmp_path):
    plans = tmp_path / "plans"
    with login(sshd, "--plans-dir", str(plans)) as term:
        term.wait_for(PANE_MARKS["roles"], timeout=30)
        term.press("4")
        term.wait_for("0/15 hires")
        term.press("a")  # a first hire; the form takes focus
        term.wait_for("1/15 hires")
        wait_focus(term, "Role")
        back_to_the_list(term)
        term.press("ctrl-s")
        term.wait_for("Save plan as")
        term.press("enter")
        term.wait_gone("Save plan as")
        saved = plans / "series-b-ai-org.toml"  # the exercise plan's name
        deadline = time.monotonic() + 10
        while not saved.exists() and time.monotonic() < deadline:
            term.pump(0.1)
        assert saved.exists(), term.text()
        term.press("q")  # saved: quits without asking
        assert term.wait_exit() == 0
        assert term.restored_terminal()
    assert 'role = "ai-research-scientist"' in saved.read_text()
    check = subprocess.run([str(installed_app()), "validate", str(saved)],
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr


def test_help_and_escape_over_ssh(sshd):
    with login(sshd) as term:
        term.wait_for(PANE_MARKS["roles"], timeout=30)
        term.press("?")
        term.wait_for("Keys: Roles")
        term.press("esc")
        term.wait_gone("Keys: Roles")
        term.press("q")
        assert term.wait_exit() == 0
        assert term.restored_terminal()


def test_dropped_connection_ends_the_session(sshd):
    """Closing ssh (a dropped link) must not leave an airoles-tui running on the server."""
    with login(sshd) as term:
        term.wait_for(PANE_MARKS["roles"], timeout=30)
        running = session_pids(sshd)
        assert running, "could not find the session's airoles-tui process"
        term.kill(signal.SIGKILL)  # the client dies; sshd hangs up the session
        term.wait_exit()
    deadline = time.monotonic() + 15
    while session_pids(sshd) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not session_pids(sshd), f"airoles-tui outlived its ssh connection: {session_pids(sshd)}"


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception),
                                             ("", pytest.skip.Exception)])
def test_a_missing_sshd_fails_on_ci_and_skips_elsewhere(monkeypatch, ci, outcome):
    from .sshd import unavailable

    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="sshd not found"):
        unavailable("sshd not found (apt-get install openssh-server)")
