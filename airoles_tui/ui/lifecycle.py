"""Ending well when the terminal goes away: SIGHUP, SIGTERM, or a closed input.

Textual installs no handler for SIGHUP or SIGTERM, so without this a dropped SSH connection
kills the process mid-edit. Here both write the recovery copy first and then leave through
the app's own exit (restoring the terminal if there still is one). A watchdog forces the
exit after a few seconds, because a vanished terminal can make that last repaint fail or
hang. When SIGHUP is ignored (nohup, some multiplexers) no signal comes at all and
Textual's input thread spins on a dead descriptor: a thread blocked in poll() on stdin sees
the hang-up, at no cost while the terminal is alive, and takes the same way out.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

WATCHDOG_SECONDS = 3.0
_HANGUP = select.POLLHUP | select.POLLERR | select.POLLNVAL


class Lifecycle:
    def __init__(self, app: Any, save: Callable[[], object],
                 watchdog: float = WATCHDOG_SECONDS) -> None:
        self.app = app
        self.save = save
        self.watchdog = watchdog
        self._loop: Any = None
        self._done = False
        self._watchdog_started = False
        self._lock = threading.Lock()
        self._previous: dict[int, Any] = {}
        self.hup_ignored = False

    def install(self, stdin_fd: int | None = None) -> None:
        """Call from the app's loop (on_mount)."""
        import asyncio

        self._loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            if sig == signal.SIGHUP and signal.getsignal(sig) == signal.SIG_IGN:
                self.hup_ignored = True  # the user asked to survive hang-ups: respect it
                continue
            self._previous[sig] = signal.signal(sig, self._on_signal)
        fd = stdin_fd if stdin_fd is not None else _stdin_fd()
        if fd is not None:
            threading.Thread(target=self._watch_input, args=(fd,), name="airoles-hangup",
                             daemon=True).start()

    def uninstall(self) -> None:
        for sig, previous in self._previous.items():
            try:
                signal.signal(sig, previous)
            except (ValueError, TypeError):
                pass
        self._previous.clear()

    # -- the ways out ----------------------------------------------------------------------

    def _on_signal(self, signum: int, _frame: Any) -> None:
        self.begin_exit(128 + signum)

    def _watch_input(self, fd: int) -> None:
        poller = select.poll()
        poller.register(fd, 0)  # no data events: only hang-up and errors wake us
        while True:
            try:
                events = poller.poll()
            except InterruptedError:
                continue
            except OSError:
                return
            if any(mask & _HANGUP for _, mask in events):
                self.begin_exit(128 + signal.SIGHUP)
                return

    def begin_exit(self, code: int) -> None:
        """Thread- and signal-safe: start the watchdog, then save and exit on the loop."""
        with self._lock:
            if self._watchdog_started:
                return
            self._watchdog_started = True
        timer = threading.Timer(self.watchdog, os._exit, args=(code,))
        timer.daemon = True
        timer.start()
        if self._loop is not None:
            try:
                self._loop.call_soon_threadsafe(self._shutdown, code)
                return
            except RuntimeError:
                pass  # the loop is closed: save from here
        self._shutdown(code)

    def _shutdown(self, code: int) -> None:
        if self._done:
            return
        self._done = True
        try:
            self.save()
        except Exception:  # noqa: BLE001 - nothing may stop the exit; the copy is best effort
            pass
        try:
            self.app.exit(return_code=code)
        except Exception:  # noqa: BLE001
            os._exit(code)


def _stdin_fd() -> int | None:
    try:
        fd = sys.__stdin__.fileno() if sys.__stdin__ else None
    except (OSError, ValueError):
        return None
    return fd if fd is not None and os.isatty(fd) else None
