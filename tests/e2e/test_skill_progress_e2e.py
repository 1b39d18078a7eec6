"""Skill marks in the installed binary: marked in a real pty, kept through a hang-up, read
back by the next session and by `airoles-tui learn`."""

from __future__ import annotations

import signal
import subprocess

import pytest

from .ptyterm import PtyTerm, user_dirs

pytestmark = pytest.mark.e2e


def test_marks_survive_a_hangup_and_feed_the_learning_plan(airoles_bin, tmp_path):
    env = user_dirs(tmp_path)
    with PtyTerm([airoles_bin], 80, 24, env=env) as term:
        term.wait_for("12 roles · s skills")
        term.press("down", "down", "down", "down")
        term.wait_for("ML Engineer (MLE)")
        term.press("s")
        term.wait_for("Key skills: ML Engineer")
        term.press("h", "down", "l")
        term.wait_for("have 1/9 · learning 1 · skipped 0")
        term.kill(signal.SIGHUP)  # the connection drops right after the last mark
        assert term.wait_exit() == 128 + signal.SIGHUP
    with PtyTerm([airoles_bin], 80, 24, env=env) as term:
        screen = term.wait_for("ML Engineer 1/9")
        assert "Data Scientist 0/" not in screen  # nothing marked there: no count
        term.press("ctrl-q")
        assert term.wait_exit() == 0
    done = subprocess.run([airoles_bin, "learn", "MLE", "--format", "md"],
                          capture_output=True, text=True, env={**env, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "## Key skills still to learn (8 of 9)" in lines
    assert "- [ ] SQL (learning)" in lines and "- [ ] Python" not in lines


def test_learn_refuses_an_unknown_role_without_a_traceback(airoles_bin, tmp_path):
    done = subprocess.run([airoles_bin, "learn", "astronaut"], capture_output=True, text=True,
                          env={**user_dirs(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("airoles-tui learn: unknown role 'astronaut'")
    assert "Traceback" not in done.stderr
