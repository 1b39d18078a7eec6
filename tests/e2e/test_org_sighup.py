"""A dropped connection mid-edit loses nothing: the installed app in a real pty.

Edit a plan, hang up (SIGHUP), terminate (SIGTERM) or interrupt (SIGINT) before the autosave timer could run,
relaunch, restore, save, and find every edit in the file. With SIGHUP ignored (nohup) and
the terminal gone, the app must notice and leave the same way instead of spinning.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time

import pytest

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.file_format import load_plan

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e

TITLE = "Lead [/] 法律 [link=x]"
NAME = "Renamed [bold]plan"


def setup(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    plan = plans / "legal.toml"
    plan.write_bytes((example_plans_dir() / "series-b-legal.toml").read_bytes())
    env = user_dirs(tmp_path)
    return plans, plan, env


def wait_focus(term: PtyTerm, label: str, timeout: float = 20.0) -> None:
    """Wait until the form field under ``label`` has focus: its label is drawn reversed,
    which is how a user without colour sees where the cursor is."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        term.pump(0.05)
        for y, line in enumerate(term.screen.display):
            x = line.find(label)
            if x >= 0 and term.screen.buffer[y][x].reverse:
                return
    raise AssertionError(f"field {label!r} never got focus:\n{term.text()}")


def field(term: PtyTerm, label: str) -> str | None:
    """What shows of the one-line field under ``label`` while it has focus (else None): up
    to a dialog's border or a notice over it (the toast of an edit just made covers the
    right of the form's last field until it times out)."""
    lines = term.screen.display
    for y, line in enumerate(lines[:-1]):
        x = line.find(label)
        if x >= 0 and term.screen.buffer[y][x].reverse:
            return re.split("[│▌]", lines[y + 1][x:])[0]
    return None


def wait_emptied(term: PtyTerm, label: str, timeout: float = 20.0) -> None:
    """Wait until the one-line field under ``label`` shows nothing.

    Textual runs a focused widget's key bindings (ctrl+u in an Input) after the key has
    bubbled up, while printable keys are inserted at once: text typed right behind ctrl+u
    can land before the clear and be erased with it. A person sees the field empty first.
    """
    def emptied() -> bool:
        shown = field(term, label)
        return shown is not None and not shown.strip()

    term.wait_until(emptied, timeout)


def wait_typed(term: PtyTerm, label: str, text: str, timeout: float = 20.0) -> None:
    """Wait until the field under ``label`` shows ``text``: whole, or as much of it as fits
    beside a notice over the field (the field shown up to its edge)."""
    def typed() -> bool:
        shown = field(term, label)
        return bool(shown and shown.strip()) and (
            shown.strip() == text or (text.startswith(shown.strip()) and shown == shown.rstrip()))

    term.wait_until(typed, timeout)


def edit(term: PtyTerm) -> None:
    """Edits a user makes, each one waited for on screen."""
    term.wait_for("saved (legal.toml)")
    term.press("d")  # delete the first hire (the data engineer)
    term.wait_for("Deleted hire 1")
    term.press("enter")
    wait_focus(term, "Role")
    for label in ("Seniority", "Start", "Team", "First-90-day", "Why this hire", "Title"):
        term.press("tab")  # the optional title is the form's last field
        wait_focus(term, label)
    term.press("ctrl-u")  # the new first hire's title, emptied and retyped
    wait_emptied(term, "Title")
    term.type(TITLE)
    wait_typed(term, "Title", TITLE)
    term.press("esc")
    term.wait_for("⏎ Edit")  # back on the list
    term.press("down")
    term.wait_for("Start: M2 (Q1)")  # the form follows the cursor to hire 2
    term.press("]")  # hire 2 one later
    term.wait_for(" 2   M2  ML Engineer")
    term.press("e")
    term.wait_for("Plan details (changes apply as you type")
    wait_focus(term, "Plan name")
    term.press("ctrl-u")
    wait_emptied(term, "Plan name")
    term.type(NAME)
    term.wait_for(f"{NAME} · Hub-and-Spoke")
    term.press("esc")
    term.wait_for("unsaved changes")


def check_saved(plan_path, original) -> None:
    plan = load_plan(plan_path).document
    assert plan.name == NAME
    roles = [h.role for h in original.hires][1:]
    roles[1], roles[2] = roles[2], roles[1]
    assert [h.role for h in plan.hires] == roles
    assert plan.hires[0].title == TITLE


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT],
                         ids=["SIGHUP", "SIGTERM", "SIGINT"])
def test_signal_writes_recovery_and_next_launch_restores(airoles_bin, tmp_path, sig):
    plans, plan_path, env = setup(tmp_path)
    original = load_plan(plan_path).document
    with PtyTerm([airoles_bin, "--plans-dir", str(plans), "open", str(plan_path)],
                 env=env) as term:
        edit(term)
        term.kill(sig)  # at once: the half-second autosave may not have run yet
        assert term.wait_exit() == 128 + sig
    copies = list((plans / ".recovery").glob("*.toml"))
    assert len(copies) == 1
    assert load_plan(plan_path).document == original  # the file itself was not touched

    with PtyTerm([airoles_bin, "--plans-dir", str(plans)], env=env) as term:
        term.wait_for("Restore unsaved plan")
        # The file's name is a word of its own: whole however long the folder that wraps.
        screen = term.wait_for("legal.toml")
        assert NAME in screen
        term.press("r")
        term.wait_for(f"{NAME} · Hub-and-Spoke · unsaved changes (legal.toml)")
        term.press("ctrl-s")
        term.wait_for("saved (legal.toml)")
        term.press("q")
        assert term.wait_exit() == 0
    check_saved(plan_path, original)
    assert list((plans / ".recovery").glob("*.toml")) == []


def test_hangup_with_sighup_ignored_exits_instead_of_spinning(airoles_bin, tmp_path):
    plans, plan_path, env = setup(tmp_path)
    # Like `nohup airoles-tui ...`: SIGHUP ignored, inherited through exec.
    launcher = ("import os, signal, sys; signal.signal(signal.SIGHUP, signal.SIG_IGN); "
                "os.execv(sys.argv[1], sys.argv[1:])")
    term = PtyTerm([sys.executable, "-c", launcher, airoles_bin, "--plans-dir", str(plans),
                    "open", str(plan_path)], env=env)
    try:
        edit(term)
        os.close(term.fd)  # the terminal vanishes; no signal arrives
        deadline = time.monotonic() + 20
        status = None
        while time.monotonic() < deadline:
            pid, raw = os.waitpid(term.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(raw)
                break
            time.sleep(0.1)
        term.status = status
        assert status is not None, "the app kept running after its terminal was gone"
    finally:
        if term.status is None:
            os.kill(term.pid, signal.SIGKILL)
            os.waitpid(term.pid, 0)
    copies = list((plans / ".recovery").glob("*.toml"))
    assert len(copies) == 1
    recovered = load_plan(copies[0]).document
    assert recovered.name == NAME and recovered.hires[0].title == TITLE
