"""One app process in a pty of its own, and the bytes between it and a client.

The child is a session leader with the pty as its controlling terminal, so the kernel's
hang-up (the master closed) and window-change signals reach it as they would under sshd.
Bytes only, and flow control both ways: input that the pty cannot take yet is queued and
the caller is told to stop reading its client (``write`` returns False, ``on_drained``
says when to resume); output is read from the pty only while the client keeps up
(``pause_output``/``resume_output``), so a stalled client costs the server no memory and
the app simply blocks on its write.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import signal
import struct
import termios
from collections.abc import Callable, Mapping, Sequence

READ_SIZE = 65536


def _take_controlling_tty() -> None:
    # Runs in the child between fork and exec, after setsid (start_new_session) and after
    # stdin became the pty's slave: make that slave the new session's controlling tty.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def set_size(fd: int, cols: int, rows: int) -> None:
    cols, rows = max(1, min(cols, 1000)), max(1, min(rows, 1000))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def quiet_input(fd: int) -> None:
    """No echo and no line editing from the start: keys typed or pasted while the app is
    still starting wait for it, instead of being echoed onto the user's screen by the
    kernel and cut at the canonical line limit (4095 bytes). Output processing stays on,
    so an error printed before the app takes the terminal still reads line by line."""
    attrs = termios.tcgetattr(fd)
    attrs[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN)
    termios.tcsetattr(fd, termios.TCSANOW, attrs)


def exit_status(returncode: int) -> int:
    """A shell's convention: killed by signal N is 128+N."""
    return 128 - returncode if returncode < 0 else returncode


class PtyChild:
    def __init__(self, on_output: Callable[[bytes], None], on_exit: Callable[[int], None],
                 on_drained: Callable[[], None]) -> None:
        self.on_output, self.on_exit, self.on_drained = on_output, on_exit, on_drained
        self.proc: asyncio.subprocess.Process | None = None
        self.master: int | None = None
        self._inbuf = bytearray()
        self._paused = False
        self._output_done = asyncio.Event()
        self._ended = False

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    async def start(self, argv: Sequence[str], env: Mapping[str, str], cwd: str,
                    cols: int, rows: int) -> None:
        master, slave = os.openpty()
        try:
            set_size(slave, cols, rows)  # before the app starts: its first frame fits
            quiet_input(slave)
            self.proc = await asyncio.create_subprocess_exec(
                *argv, stdin=slave, stdout=slave, stderr=slave, env=dict(env), cwd=cwd,
                start_new_session=True, preexec_fn=_take_controlling_tty, close_fds=True)
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)  # the child holds it now; EOF on the master means it is gone
        os.set_blocking(master, False)
        self.master = master
        asyncio.get_running_loop().add_reader(master, self._readable)
        asyncio.ensure_future(self._reap())

    def _fd(self) -> int:
        """The pty's master side, for the loop's reader and writer callbacks, which are
        removed before it closes."""
        assert self.master is not None, "a pty callback ran after the pty closed"
        return self.master

    # -- output: pty -> client --------------------------------------------------------
    def _readable(self) -> None:
        try:
            data = os.read(self._fd(), READ_SIZE)
        except BlockingIOError:
            return
        except OSError:  # EIO: every slave descriptor is closed
            data = b""
        if not data:
            self._stop_reading()
            self._output_done.set()
            return
        self.on_output(data)

    def _stop_reading(self) -> None:
        if self.master is not None:
            loop = asyncio.get_running_loop()
            loop.remove_reader(self.master)
            loop.remove_writer(self.master)

    def pause_output(self) -> None:
        if not self._paused and self.master is not None and not self._output_done.is_set():
            self._paused = True
            asyncio.get_running_loop().remove_reader(self.master)

    def resume_output(self) -> None:
        if self._paused and self.master is not None and not self._output_done.is_set():
            self._paused = False
            asyncio.get_running_loop().add_reader(self.master, self._readable)

    # -- input: client -> pty ---------------------------------------------------------
    def write(self, data: bytes) -> bool:
        """Queue ``data`` for the app; False means "stop reading the client until
        on_drained": the pty's buffer is full and the app has not read it yet."""
        if self.master is None or self._ended:
            return True
        if self._inbuf:
            self._inbuf += data
            return False
        try:
            written = os.write(self.master, data)
        except BlockingIOError:
            written = 0
        except OSError:
            return True  # the app is gone; its exit is on its way
        if written == len(data):
            return True
        self._inbuf += data[written:]
        asyncio.get_running_loop().add_writer(self.master, self._writable)
        return False

    def _writable(self) -> None:
        try:
            written = os.write(self._fd(), self._inbuf)
        except BlockingIOError:
            return
        except OSError:
            written = len(self._inbuf)
        del self._inbuf[:written]
        if not self._inbuf:
            asyncio.get_running_loop().remove_writer(self._fd())
            self.on_drained()

    def resize(self, cols: int, rows: int) -> None:
        """The kernel sends SIGWINCH to the pty's foreground group on a change."""
        if self.master is not None and not self._ended:
            try:
                set_size(self.master, cols, rows)
            except OSError:
                pass

    # -- ending -----------------------------------------------------------------------
    def signal(self, sig: int) -> None:
        """``sig`` to the app's whole process group (it leads its own session)."""
        if self.proc is not None and self.proc.returncode is None:  # running
            try:
                os.killpg(self.proc.pid, sig)
            except (ProcessLookupError, PermissionError):
                pass

    async def _reap(self) -> None:
        assert self.proc is not None
        returncode = await self.proc.wait()
        try:  # what the app wrote last (restoring the terminal) is still in the pty
            await asyncio.wait_for(self._output_done.wait(), 5.0)
        except asyncio.TimeoutError:
            pass
        self._close_master()
        if not self._ended:
            self._ended = True
            self.on_exit(exit_status(returncode))

    def _close_master(self) -> None:
        if self.master is not None:
            self._stop_reading()
            os.close(self.master)
            self.master = None
        self._output_done.set()

    async def hang_up(self, hangup_grace: float, term_grace: float) -> None:
        """The client is gone: hang up the pty (SIGHUP: the app writes its recovery copy),
        then SIGTERM, then SIGKILL to the process group, each only if still needed."""
        self._ended = True  # nobody to report the exit to
        self._close_master()
        if self.proc is None:
            return
        for sig, grace in ((signal.SIGTERM, hangup_grace), (signal.SIGKILL, term_grace)):
            try:
                await asyncio.wait_for(asyncio.shield(self.proc.wait()), grace)
                return
            except asyncio.TimeoutError:
                self.signal(sig)
        await self.proc.wait()
