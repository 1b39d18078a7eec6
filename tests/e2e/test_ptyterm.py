"""The harness itself: a program in PtyTerm sees the pty's size and a home of its own, whatever
the test process inherited. An xdist worker, for one, starts with COLUMNS=80 and LINES=24 in its
environment (pytest imports readline in the parent, and GNU readline exports the terminal size
to every child), and Textual trusts those over the tty's size."""

from __future__ import annotations

import json
import sys

import pytest

from .ptyterm import PtyTerm

pytestmark = pytest.mark.e2e

REPORT = ("import json, os, shutil; size = shutil.get_terminal_size(); "
          "print('ENV' + json.dumps({'size': list(size), 'env': dict(os.environ)}), flush=True)")


def report(term: PtyTerm) -> dict:
    term.wait_exit()
    line = next(ln for ln in bytes(term.raw).decode().splitlines() if ln.startswith("ENV"))
    return json.loads(line[3:])


def test_the_program_sees_the_pty_size_and_not_the_callers(monkeypatch):
    for name, value in {"COLUMNS": "80", "LINES": "24", "TERM": "dumb", "NO_COLOR": "1",
                        "XDG_CONFIG_HOME": "/caller/config", "HOME": "/caller"}.items():
        monkeypatch.setenv(name, value)
    with PtyTerm([sys.executable, "-c", REPORT], cols=61, rows=19) as term:
        got = report(term)
    assert got["size"] == [61, 19]
    env = got["env"]
    assert "COLUMNS" not in env and "LINES" not in env and "NO_COLOR" not in env
    assert env["TERM"] == "xterm-256color"
    assert not env["HOME"].startswith("/caller")
    assert not env["XDG_CONFIG_HOME"].startswith("/caller")


def test_a_home_of_its_own_is_removed_after(monkeypatch, tmp_path):
    from pathlib import Path

    with PtyTerm([sys.executable, "-c", REPORT]) as term:
        home = Path(report(term)["env"]["XDG_DATA_HOME"]).parent
        assert home.is_dir()
    assert not home.exists()


def test_given_dirs_and_env_win(tmp_path):
    from .ptyterm import user_dirs

    with PtyTerm([sys.executable, "-c", REPORT],
                 env={**user_dirs(tmp_path), "NO_COLOR": "1"}) as term:
        env = report(term)["env"]
    assert env["XDG_STATE_HOME"] == str(tmp_path / "state") and env["NO_COLOR"] == "1"
