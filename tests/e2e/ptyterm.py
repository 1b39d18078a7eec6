"""Drive a real program in a pseudo-terminal and read its screen through pyte.

This is how a user over SSH meets the app: a tty of a fixed size, bytes in, bytes out.
Waits are conditions with generous deadlines (never sleeps that a slow CI could outrun).

With ``frames=True`` the terminal says it supports synchronized output, as most current
terminals do, and Textual then writes each frame between ``ESC[?2026h`` and ``ESC[?2026l``:
a test can wait for the frame a key causes (:meth:`PtyTerm.next_frame`) instead of for a
quiet spell, and know that a screen it reads is not half a frame.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import tempfile
import termios
import time
from collections.abc import Sequence
from pathlib import Path

import pyte

KEYS = {
    "up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D",
    "enter": "\r", "tab": "\t", "shift-tab": "\x1b[Z", "esc": "\x1b", "space": " ",
    "backspace": "\x7f", "home": "\x1b[H", "end": "\x1b[F", "pgdn": "\x1b[6~", "pgup": "\x1b[5~",
    "f1": "\x1bOP", "alt-up": "\x1b[1;3A", "alt-down": "\x1b[1;3B",
}


# What a program in the pty may take from the caller: where programs are, and the switch that
# turns the app's Textual patches off (CI runs the e2e tests once with it set).
PASSED_ON = ("PATH", "AIROLES_TUI_STOCK_TEXTUAL")


# Synchronized output (mode 2026): the program's question whether the terminal has it
# (DECRQM), the answer "known, currently off" that turns it on in Textual, and the marks a
# frame is written between.
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_ANSWER = b"\x1b[?2026;2$y"
FRAME_MARK = re.compile(rb"\x1b\[\?2026(h|l|\$p)")
MARK_MAX = len(SYNC_QUERY)


def user_dirs(tmp_path) -> dict[str, str]:
    """A home of the test's own for the program: settings, plans, recovery copies and the
    catalog cache go there, never to the real user's."""
    return {"HOME": str(Path(tmp_path) / "home"),
            **{f"XDG_{kind}_HOME": str(Path(tmp_path) / kind.lower())
               for kind in ("DATA", "CONFIG", "STATE", "CACHE")}}


def controlled_env() -> dict[str, str]:
    """The environment a program in the pty starts from, built rather than inherited.

    Inheriting let the caller's state decide what was tested: an xdist worker starts with
    COLUMNS=80 and LINES=24 (pytest imports readline in the parent process, and GNU readline
    exports the terminal size to every child), which Textual trusts over the tty's own size;
    the caller's TERM, NO_COLOR or XDG dirs changed colours and settings the same way.
    """
    env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8", "TEXTUAL_ANIMATIONS": "none"}
    env.update({name: os.environ[name] for name in PASSED_ON if name in os.environ})
    return env


def key_bytes(name: str) -> bytes:
    if name in KEYS:
        return KEYS[name].encode()
    if name.startswith("ctrl-") and len(name) == 6:
        return bytes([ord(name[5].lower()) - 96])
    return name.encode()


class PtyTerm:
    def __init__(self, argv: Sequence[str], cols: int = 80, rows: int = 24,
                 env: dict[str, str] | None = None, cwd: str | None = None,
                 frames: bool = False):
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.frames = frames  # answer the question for synchronized output: frames marked
        self.frame_ends: list[int] = []  # where in ``raw`` each marked frame ended
        self.in_frame = False  # a frame begun and not ended yet
        self._scanned = 0  # how much of ``raw`` was looked through for marks
        # Without dirs of the test's own, a home made here and removed on close.
        self._home = (None if env and "XDG_CONFIG_HOME" in env
                      else tempfile.TemporaryDirectory(prefix="airoles-pty-"))
        own = user_dirs(self._home.name) if self._home else {}
        full_env = {**controlled_env(), **own, **(env or {})}
        self.status: int | None = None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            # The size is set here, before the program starts, too: set only by the parent
            # (below), a loaded machine could run the program first and it read 80x24.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            if cwd:
                os.chdir(cwd)
            os.execvpe(argv[0], list(argv), full_env)
        self.resize(cols, rows)

    def resize(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        if self.status is None and getattr(self, "pid", 0):
            try:
                os.kill(self.pid, signal.SIGWINCH)
            except ProcessLookupError:
                pass

    def pump(self, timeout: float = 0.05) -> int:
        """Read whatever arrives within ``timeout``; returns the byte count."""
        got = 0
        end = time.monotonic() + timeout
        while True:
            left = max(0.0, end - time.monotonic())
            r, _, _ = select.select([self.fd], [], [], left)
            if not r:
                return got
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                self._reap()
                return got
            if not data:
                self._reap()
                return got
            got += len(data)
            self.raw.extend(data)
            self.stream.feed(data)
            self._find_marks()
            end = time.monotonic() + min(timeout, 0.02)  # keep reading while it flows

    def _find_marks(self) -> None:
        """Frame marks and the question for them in what arrived (a mark may have been split
        between two reads)."""
        start = max(0, self._scanned - MARK_MAX)
        for mark in FRAME_MARK.finditer(self.raw, start):
            if mark.end() <= self._scanned:
                continue  # seen in the last read
            kind = mark.group(1)
            if kind == b"$p":
                if self.frames:
                    os.write(self.fd, SYNC_ANSWER)
            else:
                self.in_frame = kind == b"h"
                if kind == b"l":
                    self.frame_ends.append(mark.end())
        self._scanned = len(self.raw)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump(0.05)
            screen = self.text()
            if needle in screen:
                return screen
            if self.status is not None:
                break
        raise AssertionError(f"{needle!r} did not appear within {timeout}s; screen:\n{self.text()}")

    def wait_gone(self, needle: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump(0.05)
            if needle not in self.text():
                return self.text()
        raise AssertionError(f"{needle!r} still on screen after {timeout}s:\n{self.text()}")

    def wait_until(self, condition, timeout: float = 20.0) -> None:
        """Read until ``condition()`` holds (it looks at the screen), or fail with the screen
        (at once if the program has ended: nothing will change any more)."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() >= deadline or self.status is not None:
                ended = "" if self.status is None else f" (the program ended: {self.status})"
                raise AssertionError(f"condition not met within {timeout}s{ended}:\n"
                                     f"{self.text()}")
            self.pump(0.05)

    def next_frame(self, after: int, timeout: float = 20.0) -> int:
        """Read until a frame that ends past byte ``after`` of the output is complete (take
        ``after`` as ``len(term.raw)`` before the key); where in ``raw`` it ended.

        Only with ``frames=True``: the program marks its frames once the terminal says it can
        show them whole."""
        assert self.frames, "frames are marked only when PtyTerm(frames=True) asks for them"
        self.wait_until(lambda: bool(self.frame_ends) and self.frame_ends[-1] > after, timeout)
        return next(end for end in self.frame_ends if end > after)

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pump(quiet):
            pass

    def cells(self) -> list[list[tuple]]:
        """Every cell of the screen: character and attributes."""
        buf = self.screen.buffer
        return [[tuple(buf[y][x]) for x in range(self.cols)] for y in range(self.rows)]

    def steady(self, quiet: float = 0.4, timeout: float = 20.0) -> list[list[tuple]]:
        """The screen once the program has stopped drawing: nothing written for ``quiet``
        seconds, and no frame left open.

        A step can draw more than one frame (a dialog, then the footer's keys for it; a tab's
        underline after the tab); on a loaded machine the second can come after a short quiet
        spell, and a screen taken between the two is not what the program meant to show.
        Wait for what the step shows first (its last frame, where it is known): the quiet
        spell then only guards against frames nobody expected.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.pump(quiet) and not self.in_frame:
                return self.cells()
        raise AssertionError(f"the program kept drawing (or left a frame open) for {timeout}s:"
                             f"\n{self.text()}")

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.fd, key_bytes(key))
            self.pump(0.03)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())
        self.pump(0.03)

    def kill(self, sig: int) -> None:
        os.kill(self.pid, sig)

    def wait_exit(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump(0.05)
            if self._reap(block=False) is not None:
                self.pump(0.05)
                return self.status  # type: ignore[return-value]
        raise AssertionError(f"program did not exit within {timeout}s:\n{self.text()}")

    def _reap(self, block: bool = True) -> int | None:
        if self.status is not None:
            return self.status
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.status = -1
            return self.status
        if pid == 0:
            return None
        self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()
        try:
            os.close(self.fd)
        except OSError:
            pass
        if self._home:
            self._home.cleanup()

    def restored_terminal(self) -> bool:
        """True when the program left the alternate screen and showed the cursor again."""
        tail = bytes(self.raw[-4096:])
        return b"\x1b[?1049l" in tail and b"\x1b[?25h" in tail

    def __enter__(self) -> PtyTerm:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
