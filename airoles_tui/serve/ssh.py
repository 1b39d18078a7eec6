"""`airoles-tui serve ssh`: `ssh -p 2222 host` lands in the app; the key says who you are.

asyncssh does the protocol. This module decides who gets in and what they may do: public
keys only, named by the authorized-keys file; one shell session with a pty, which runs the
app (pty_child); exec requests, subsystems (sftp), port, agent and X11 forwarding refused.

The identity is the key that *signed* the login. asyncssh asks ``validate_public_key``
about every key a client offers, signed or not (the trap of CVE-2024-45337), so the answer
is recorded at each call and read in ``auth_completed``: asyncssh verifies the signature of
the key it has just validated and reports success with no other request in between (a new
request replaces the pending one), so the last key validated is the one that signed.
tests/e2e/test_serve_ssh.py offers another user's key first to prove it.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import struct
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import asyncssh

from .homes import child_argv, child_env, private_dir, user_home
from .keys import fingerprint, load_or_create_host_key, read_authorized_keys
from .limits import Limits, RateLimiter, SessionCounter
from .pty_child import PtyChild

PENDING_MAX = 64 * 1024  # bytes typed or pasted before the app has started
NO_PTY = b"airoles-tui: this service is an interactive app; connect with a terminal (ssh -t)\n"


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {message}", file=sys.stderr, flush=True)


@dataclass
class Settings:
    host: str
    port: int
    authorized_keys: Path
    root: Path
    host_key: Path
    data_dir: Path | None = None
    limits: Limits = Limits()


class Service:
    """The listening server: its limits, its open connections and sessions."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.limits = settings.limits
        self.root = private_dir(settings.root.resolve())
        self.rate = RateLimiter(self.limits.logins_per_minute)
        self.counter = SessionCounter(self.limits.sessions_per_user, self.limits.sessions_total)
        self.sessions: set[AppSession] = set()
        self.gates: set[Gate] = set()
        self.listener: asyncssh.SSHAcceptor | None = None
        self.host_key = load_or_create_host_key(settings.host_key)
        self.closing = False
        self._stopped = asyncio.Event()

    async def start(self) -> None:
        lim = self.limits
        self.listener = await asyncssh.create_server(
            lambda: Gate(self), self.settings.host, self.settings.port,
            server_host_keys=[self.host_key], config=None,
            encoding=None, line_editor=False,  # bytes in, bytes out: no line editing
            allow_pty=True, agent_forwarding=False, x11_forwarding=False,
            sftp_factory=None, allow_scp=False, rdns_lookup=False,
            password_auth=False, kbdint_auth=False, host_based_auth=False, gss_auth=False,
            login_timeout=lim.login_timeout, keepalive_interval=lim.keepalive_interval,
            keepalive_count_max=lim.keepalive_count_max, reuse_address=True)

    @property
    def port(self) -> int:
        assert self.listener is not None
        return self.listener.get_port()

    def fingerprint(self) -> str:
        return fingerprint(self.host_key)

    async def shutdown(self) -> None:
        """Server SIGTERM: stop listening, SIGTERM every app and relay its output until it
        exits (each user's terminal is restored and recovery copy written), then close."""
        if self.closing:
            return
        self.closing = True
        log(f"shutting down: {len(self.sessions)} sessions to end")
        if self.listener is not None:
            self.listener.close()
        for session in list(self.sessions):
            session.terminate()
        deadline = time.monotonic() + self.limits.shutdown_grace
        while self.sessions and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.gather(*(session.end() for session in list(self.sessions)))
        # Let each client read its app's exit status and hang up by itself.
        deadline = time.monotonic() + 2.0
        while self.gates and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        for gate in list(self.gates):
            if gate.conn is not None:
                gate.conn.close()
        self._stopped.set()

    async def wait_stopped(self) -> None:
        await self._stopped.wait()


class Gate(asyncssh.SSHServer):
    """One client connection: the rate limit, the login, and what it may open."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.conn: asyncssh.SSHServerConnection | None = None
        self.peer = "?"
        self.users: dict[bytes, str] = {}
        self._candidate: tuple[str, str] | None = None
        self.identity: str | None = None
        self.key_id = ""
        self._idle: asyncio.TimerHandle | None = None
        self.sessions = 0

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn
        peer = conn.get_extra_info("peername")
        self.peer = str(peer[0]) if peer else "?"
        self.service.gates.add(self)
        if self.service.closing or not self.service.rate.allow(self.peer):
            log(f"refused {self.peer}: too many connections in a minute")
            _reset(conn)

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_idle()
        self.service.gates.discard(self)

    # -- login ------------------------------------------------------------------------
    def begin_auth(self, username: str) -> bool:
        keys = read_authorized_keys(self.service.settings.authorized_keys)
        for problem in keys.problems:
            log(problem)
        self.users = keys.users
        return True  # everyone authenticates: there is no anonymous access

    def public_key_auth_supported(self) -> bool:
        return True

    def password_auth_supported(self) -> bool:
        return False

    def kbdint_auth_supported(self) -> bool:
        return False

    def host_based_auth_supported(self) -> bool:
        return False

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        name = self.users.get(key.public_data)
        # Called for keys only offered as well as for the one that signs: remember the
        # latest answer, never the first (see the module docstring).
        self._candidate = (name, fingerprint(key)) if name else None
        if name is None:
            log(f"refused key {fingerprint(key)} from {self.peer}")
        return name is not None

    def auth_completed(self) -> None:
        if self._candidate is None:  # cannot happen with public keys only; never guess
            log(f"login from {self.peer} completed without a known key; closing")
            if self.conn is not None:
                self.conn.close()
            return
        self.identity, self.key_id = self._candidate
        log(f"login {self.identity} from {self.peer} with {self.key_id}")
        self._start_idle()

    # -- what an authenticated client may open ---------------------------------------
    def session_requested(self):
        if self.identity is None:
            return False
        if self.service.closing:
            refusal: str | None = "the server is shutting down"
        else:
            refusal = self.service.counter.admit(self.identity)  # counts it when admitted
        self.sessions += 1
        self._cancel_idle()
        return AppSession(self, refusal)

    def session_closed(self) -> None:
        self.sessions -= 1
        if self.sessions == 0:
            self._start_idle()

    def connection_requested(self, *args) -> bool:
        log(f"refused a port forwarding (-L/-D) for {self.identity} from {self.peer}")
        return False

    def server_requested(self, *args) -> bool:
        log(f"refused a remote forwarding (-R) for {self.identity} from {self.peer}")
        return False

    def unix_connection_requested(self, *args) -> bool:
        return False

    def unix_server_requested(self, *args) -> bool:
        return False

    def tun_requested(self, *args) -> bool:
        return False

    def tap_requested(self, *args) -> bool:
        return False

    def _start_idle(self) -> None:
        """A connection with no session (ssh -N, forwarding only) is closed after a while."""
        self._cancel_idle()
        loop = asyncio.get_running_loop()
        self._idle = loop.call_later(self.service.limits.no_session_timeout, self._close_idle)

    def _close_idle(self) -> None:
        if self.sessions == 0 and self.conn is not None:
            log(f"closing {self.identity}'s connection from {self.peer}: no session opened "
                f"within {self.service.limits.no_session_timeout:g} s")
            self.conn.close()

    def _cancel_idle(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None


def _reset(conn: asyncssh.SSHServerConnection) -> None:
    """Close with a TCP reset before any banner is sent: the client sees "connection
    reset", not a half-spoken protocol."""
    sock = conn.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    conn.abort()


class AppSession(asyncssh.SSHServerSession):
    """One shell session: the app in its pty, nothing else."""

    def __init__(self, gate: Gate, refusal: str | None) -> None:
        self.gate = gate
        self.service = gate.service
        self.user = gate.identity or "?"
        self.refusal = refusal
        self.admitted = refusal is None
        self.chan: asyncssh.SSHServerChannel | None = None
        self.term: str | None = None
        self.size = (80, 24)
        self.child = PtyChild(self._output, self._exited, self._drained)
        self.pending = bytearray()  # typed before the app started
        self.last_input = time.monotonic()
        self._closed = False
        self._idled = False
        self._idle_check: asyncio.TimerHandle | None = None

    def connection_made(self, chan) -> None:
        self.chan = chan

    def pty_requested(self, term_type: str, term_size, term_modes) -> bool:
        self.term = term_type
        cols, rows = term_size[0], term_size[1]
        self.size = (cols or 80, rows or 24)
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command) -> bool:
        log(f"refused a command for {self.user} from {self.gate.peer}")
        return False

    def subsystem_requested(self, subsystem) -> bool:
        log(f"refused subsystem {str(subsystem)[:32]!r} for {self.user}")
        return False

    def break_received(self, msec: int) -> bool:
        return False

    def eof_received(self) -> bool:
        return True  # in a pty session EOF is a byte (ctrl+d) the app reads itself

    def session_started(self) -> None:
        if self.refusal is not None:
            self._refuse(f"airoles-tui: {self.refusal}\r\n".encode())
        elif self.term is None:
            self._refuse(NO_PTY)
        else:
            asyncio.ensure_future(self._start())

    def _refuse(self, message: bytes) -> None:
        assert self.chan is not None
        self.chan.write(message)
        self.chan.exit(1)

    async def _start(self) -> None:
        assert self.chan is not None
        settings = self.service.settings
        try:
            home = user_home(self.service.root, self.user)
            env = child_env(home, self.user, self.term, self.chan.get_environment())
            await self.child.start(child_argv(settings.data_dir), env, str(home), *self.size)
        except OSError as exc:
            log(f"could not start the app for {self.user}: {exc}")
            self._refuse(b"airoles-tui: the app could not be started; tell the admin\r\n")
            return
        if self._closed:  # the client left while the app was starting
            await self.child.hang_up(self.service.limits.hangup_grace,
                                     self.service.limits.term_grace)
            return
        self.service.sessions.add(self)
        log(f"session {self.user} pid {self.child.pid} {self.size[0]}x{self.size[1]}")
        self._watch_idle()
        if self.service.closing:
            self.terminate()
        if self.pending:
            data, self.pending = bytes(self.pending), bytearray()
            if self.child.write(data):
                self.chan.resume_reading()  # in case the start held the client back
            else:
                self.chan.pause_reading()  # on_drained resumes

    def data_received(self, data: bytes, datatype) -> None:
        self.last_input = time.monotonic()
        if self.child.master is None:
            self.pending += data
            if len(self.pending) > PENDING_MAX:  # still starting: hold the client back
                self._pause()
        elif not self.child.write(data):
            self._pause()

    def _pause(self) -> None:
        if self.chan is not None:  # data comes on a channel: set in connection_made
            self.chan.pause_reading()  # on_drained resumes

    def _drained(self) -> None:
        if self.chan is not None and not self._closed:
            self.chan.resume_reading()

    def pause_writing(self) -> None:
        self.child.pause_output()  # the client is behind: let the app block, not us grow

    def resume_writing(self) -> None:
        self.child.resume_output()

    def terminal_size_changed(self, width: int, height: int, pixwidth: int,
                              pixheight: int) -> None:
        self.size = (width or self.size[0], height or self.size[1])
        self.child.resize(*self.size)

    def _output(self, data: bytes) -> None:
        if self.chan is not None and not self._closed:
            self.chan.write(data)

    def _exited(self, status: int) -> None:
        log(f"session {self.user} pid {self.child.pid} ended with status {status}")
        self._stop_watching_idle()
        self.service.sessions.discard(self)
        if self.chan is not None and not self._closed:
            self.chan.exit(status)

    def _watch_idle(self) -> None:
        """Look again when the session will have had no input for the idle limit: one timer
        per session, moved on only when it comes due, so typing sets no timers and the
        limit is kept to the moment rather than to a polling step."""
        self._idle_check = None
        if self._closed or self._idled or not self.child.running:
            return
        left = self.last_input + self.service.limits.idle_timeout - time.monotonic()
        if left <= 0:
            self.idle_out()
        else:
            self._idle_check = asyncio.get_running_loop().call_later(left, self._watch_idle)

    def _stop_watching_idle(self) -> None:
        if self._idle_check is not None:
            self._idle_check.cancel()
            self._idle_check = None

    def idle_out(self) -> None:
        if not self._idled:
            self._idled = True
            log(f"session {self.user} pid {self.child.pid}: idle, asking the app to end")
            self.child.signal(signal.SIGTERM)

    def terminate(self) -> None:
        self.child.signal(signal.SIGTERM)

    async def end(self) -> None:
        """The client is gone (or the server gives up waiting): end the app for good."""
        self.service.sessions.discard(self)
        if self.child.running:
            log(f"session {self.user} pid {self.child.pid}: client gone, hanging up")
            await self.child.hang_up(self.service.limits.hangup_grace,
                                     self.service.limits.term_grace)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop_watching_idle()
        if self.admitted:
            self.service.counter.release(self.user)
        self.gate.session_closed()
        asyncio.ensure_future(self.end())


async def serve(settings: Settings, ready=None) -> int:
    """Run until SIGTERM or SIGINT; ``ready(service)`` is called once it listens."""
    service = Service(settings)
    await service.start()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(service.shutdown()))
    if ready is not None:
        ready(service)
    await service.wait_stopped()
    return 0
