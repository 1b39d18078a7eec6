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


# A program that asks whether the terminal shows synchronized output, then reads what comes
# back up to the first carriage return (in raw mode, so an answer arrives byte for byte).
ASK = ("import os, tty; tty.setraw(0); os.write(1, b'\\x1b[?2026$pASKED'); got = b''\n"
       "while not got.endswith(b'\\r'): got += os.read(0, 64)\n"
       "os.write(1, b'GOT' + got.hex().encode() + b'.')")


@pytest.mark.parametrize("frames", [True, False])
def test_the_terminal_says_it_shows_frames_whole_only_when_asked_to(frames):
    from .ptyterm import SYNC_ANSWER

    with PtyTerm([sys.executable, "-c", ASK], frames=frames) as term:
        term.wait_for("ASKED")
        term.type("x\r")  # behind any answer: the harness answers as it reads the question
        term.wait_exit()
    got = bytes.fromhex(bytes(term.raw).split(b"GOT")[1].split(b".")[0].decode())
    assert got == (SYNC_ANSWER if frames else b"") + b"x\r"


# A frame written in two parts, its end mark split between them: the second part waits for
# a key, so the harness reads the first alone.
HALVES = ("import os, tty; tty.setraw(0); os.write(1, b'\\x1b[?2026hONE\\x1b[?20')\n"
          "os.read(0, 1); os.write(1, b'26lTWO')")


def test_a_frame_ends_at_its_mark_however_the_reads_split_it():
    with PtyTerm([sys.executable, "-c", HALVES], frames=True) as term:
        term.wait_for("ONE")
        assert term.in_frame and term.frame_ends == []
        with pytest.raises(AssertionError, match="left a frame open"):
            term.steady(quiet=0.05, timeout=0.3)  # half a frame is not a screen to read
        before = len(term.raw)
        term.type("k")
        end = term.next_frame(before)
        assert bytes(term.raw[:end]).endswith(b"ONE\x1b[?2026l") and not term.in_frame
        assert term.frame_ends == [end]
        term.wait_for("TWO")
        term.wait_exit()
