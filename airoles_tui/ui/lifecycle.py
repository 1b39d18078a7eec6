"""Ending well when the terminal goes away: SIGHUP, SIGTERM, SIGINT, or a closed input.

Textual installs no handler for SIGHUP or SIGTERM, so without this a dropped SSH connection
kills the process mid-edit; SIGINT (`kill -INT`: ctrl+c is a key in the app) ended it through
asyncio's handler without a recovery copy. Here all three write the recovery copy first and
then leave through the app's own exit (restoring the terminal if there still is one). When
SIGHUP is ignored (nohup, some multiplexers) no signal comes at all and Textual's input thread
spins on a dead descriptor: a thread blocked in poll() on stdin sees the hang-up, at no cost
while the terminal is alive, and takes the same way out.

Python runs a signal's handler only when the main thread next runs bytecode, so a main thread
stuck in a long call would neither save nor exit. The signal is therefore also noticed by a
thread: ``signal.set_wakeup_fd`` makes the C-level handler write the signal's number to a
pipe at once, whatever the main thread is doing, and a thread reading that pipe starts the
exit. A watchdog thread writes the recovery copy itself if the loop has not done so soon,
and ends the process a few seconds later if the app's own exit has not (a vanished terminal
can make that last repaint fail or hang).
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
RESCUE_SECONDS = 1.0  # the loop's own save is tried first; then the watchdog saves
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
_HANGUP = select.POLLHUP | select.POLLERR | select.POLLNVAL


class Lifecycle:
    def __init__(self, app: Any, save: Callable[[], object],
                 watchdog: float = WATCHDOG_SECONDS, rescue: float = RESCUE_SECONDS,
                 hard_exit: Callable[[int], object] = os._exit) -> None:
        self.app = app
        self.save = save
        self.watchdog = watchdog
        self.rescue = min(rescue, watchdog)
        self.hard_exit = hard_exit
        self._loop: Any = None
        self._exiting = False
        self._saved = threading.Event()
        # One start of the exit, one save at a time. Reentrant: a signal's Python handler can
        # interrupt the main thread while it holds either.
        self._start_lock = threading.RLock()
        self._save_lock = threading.RLock()
        self._previous: dict[int, Any] = {}
        self._previous_wakeup: int | None = None
        self._pipe: tuple[int, int] | None = None

    def install(self, stdin_fd: int | None = None) -> None:
        """Call from the app's loop (on_mount), in the main thread."""
        import asyncio

        self._loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            if sig == signal.SIGHUP and signal.getsignal(sig) == signal.SIG_IGN:
                continue  # the user asked to survive hang-ups (nohup): respect it
            self._previous[sig] = signal.signal(sig, self._on_signal)
        self._watch_signals()
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
        if self._pipe is not None:
            try:
                signal.set_wakeup_fd(self._previous_wakeup if self._previous_wakeup is not None
                                     else -1)
            except ValueError:
                pass
            os.close(self._pipe[1])  # the reader sees end of file and ends
            self._pipe = None

    # -- the ways out ----------------------------------------------------------------------

    def _on_signal(self, signum: int, _frame: Any) -> None:
        self.begin_exit(128 + signum)

    def _watch_signals(self) -> None:
        """Route each signal's number, written by the C-level handler, to a thread."""
        read_fd, write_fd = os.pipe()
        os.set_blocking(write_fd, False)
        try:
            previous = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
        except ValueError:  # not the main thread: the Python handlers still work
            os.close(read_fd)
            os.close(write_fd)
            return
        self._pipe = (read_fd, write_fd)
        self._previous_wakeup = previous if previous >= 0 else None
        ours = {int(s) for s in self._previous}
        threading.Thread(target=self._read_signals, args=(read_fd, ours),
                         name="airoles-signals", daemon=True).start()

    def _read_signals(self, fd: int, ours: set[int]) -> None:
        try:
            while data := os.read(fd, 64):
                for signum in data:
                    if signum in ours:
                        self.begin_exit(128 + signum)
        except OSError:
            pass
        finally:
            os.close(fd)

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
        with self._start_lock:
            if self._exiting:
                return
            self._exiting = True
        threading.Thread(target=self._watchdog, args=(code,), name="airoles-watchdog",
                         daemon=True).start()
        if self._loop is not None:
            try:
                self._loop.call_soon_threadsafe(self._shutdown, code)
                return
            except RuntimeError:
                pass  # the loop is closed: save from here
        self._shutdown(code)

    def _watchdog(self, code: int) -> None:
        """Runs whatever the main thread does: saves if the loop has not, then ends it all."""
        if not self._saved.wait(self.rescue):
            self._save()
        threading.Event().wait(max(self.watchdog - self.rescue, 0))
        self.hard_exit(code)

    def _save(self) -> None:
        with self._save_lock:
            if self._saved.is_set():
                return
            try:
                self.save()
            except Exception:  # noqa: BLE001 - nothing may stop the exit; best effort
                pass
            self._saved.set()

    def _shutdown(self, code: int) -> None:
        self._save()
        try:
            self.app.exit(return_code=code)
        except Exception:  # noqa: BLE001
            self.hard_exit(code)


def _stdin_fd() -> int | None:
    try:
        fd = sys.__stdin__.fileno() if sys.__stdin__ else None
    except (OSError, ValueError):
        return None
    return fd if fd is not None and os.isatty(fd) else None
