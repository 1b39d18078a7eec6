"""A private sshd on 127.0.0.1, so the e2e tests meet the app exactly as a user does over SSH.

Everything lives in a temp dir: a throwaway host key and user key, an authorized_keys file and
an sshd_config that touches nothing of the machine's own sshd. The login user is whoever runs
the tests (root on CI: `PermitRootLogin prohibit-password` allows key logins, which is all we
use). `UsePAM no` keeps the login independent of the machine's PAM stack (pam_loginuid fails
in containers); the price is that sshd refuses accounts whose password field is locked ("!").

Off CI a missing sshd skips these tests; on CI (CI=true) it fails them: the SSH path is the
product's main road and must not silently go untested.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .ptyterm import PASSED_ON

SSHD_CANDIDATES = ("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd")


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def unavailable(reason: str) -> None:
    """Skip locally, fail on CI: a CI run that cannot reach sshd has not tested the product."""
    if on_ci():
        pytest.fail(f"sshd end-to-end tests cannot run on CI: {reason}", pytrace=False)
    pytest.skip(reason)


def installed_app() -> Path:
    """The `airoles-tui` installed beside the Python running the tests (the venv's bin)."""
    beside = Path(sys.executable).parent / "airoles-tui"
    if beside.exists():
        return beside
    found = shutil.which("airoles-tui")
    if not found:
        raise FileNotFoundError("airoles-tui is not installed (pip install -e .)")
    return Path(found)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _locked(user: str) -> bool:
    try:
        with open("/etc/shadow") as f:
            for line in f:
                name, _, rest = line.partition(":")
                if name == user:
                    return rest.startswith("!")
    except OSError:
        pass
    return False


@dataclass
class Sshd:
    """A running private sshd and how to log in to it."""

    root: Path
    port: int
    user: str
    key: Path
    process: subprocess.Popen
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    def ssh_argv(self, *remote: str, env: dict[str, str] | None = None) -> list[str]:
        """`ssh -tt ... user@127.0.0.1 [env K=V ...] remote...` as a user would type it."""
        command = [shlex.quote(a) for a in remote]
        if env:
            command = ["env", *(shlex.quote(f"{k}={v}") for k, v in env.items()), *command]
        return [
            "ssh", "-tt",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-F", "/dev/null",
            "-i", str(self.key), "-p", str(self.port), f"{self.user}@127.0.0.1",
            *command,
        ]

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def _keygen(path: Path, comment: str) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment,
                    "-f", str(path)], check=True, stdout=subprocess.DEVNULL)


def start_sshd(root: Path, remote_env: dict[str, str] | None = None,
               max_sessions: int = 64) -> Sshd:
    """Start sshd under ``root``; raises RuntimeError with sshd's log if it does not listen."""
    sshd = next((p for p in SSHD_CANDIDATES if os.access(p, os.X_OK)), None)
    if sshd is None:
        raise FileNotFoundError("sshd not found (apt-get install openssh-server)")
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            raise FileNotFoundError(f"{tool} not found (apt-get install openssh-client)")
    user = pwd.getpwuid(os.getuid()).pw_name
    if _locked(user):
        raise PermissionError(
            f"account {user!r} is locked ('!' in /etc/shadow) and sshd with UsePAM no refuses "
            f"it; unlock key logins with: usermod -p '*' {user}")
    if os.getuid() == 0:
        # sshd's privilege-separation dir; packages create it at boot, containers lack it.
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)

    root.mkdir(parents=True, exist_ok=True)
    host_key, user_key = root / "host_ed25519", root / "user_ed25519"
    _keygen(host_key, "airoles-tui test host")
    _keygen(user_key, "airoles-tui test user")
    authorized = root / "authorized_keys"
    authorized.write_text(Path(f"{user_key}.pub").read_text())
    authorized.chmod(0o600)

    app_bin = installed_app().parent
    env = {
        "PATH": f"{app_bin}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(root / "xdg-config"),
        "XDG_DATA_HOME": str(root / "xdg-data"),
        "XDG_STATE_HOME": str(root / "xdg-state"),
        "XDG_CACHE_HOME": str(root / "xdg-cache"),
        "TEXTUAL_ANIMATIONS": "none",
        # The stock-Textual run of the e2e tests reaches the app behind the login too.
        **{name: os.environ[name] for name in PASSED_ON if name != "PATH" and name in os.environ},
        **(remote_env or {}),
    }
    port = free_port()
    config = root / "sshd_config"
    config.write_text("\n".join([
        f"Port {port}",
        "ListenAddress 127.0.0.1",
        f"HostKey {host_key}",
        f"PidFile {root / 'sshd.pid'}",
        f"AuthorizedKeysFile {authorized}",
        f"AllowUsers {user}",
        "PermitRootLogin prohibit-password",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "PrintMotd no",
        "PrintLastLog no",
        "UseDNS no",
        "X11Forwarding no",
        "AllowTcpForwarding no",
        # A class of 20 logging in at once must not meet sshd's unauthenticated-connection limit.
        f"MaxStartups {max_sessions}",
        "LogLevel INFO",
        # SetEnv applies after sshd's default PATH, so the installed app is found by name.
        "SetEnv " + " ".join(f'"{k}={v}"' for k, v in env.items()),
        "",
    ]))
    log = root / "sshd.log"
    # sshd builds each session's environment itself (SetEnv above, TERM from the client); its
    # own is kept as small, so nothing of the test process reaches a login.
    process = subprocess.Popen([sshd, "-D", "-f", str(config), "-E", str(log)],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT,
                               env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    server = Sshd(root, port, user, user_key, process, log, env)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sshd exited with {process.returncode}:\n{server.log_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"sshd did not listen on port {port}:\n{server.log_text()}")


@pytest.fixture(scope="session")
def sshd(tmp_path_factory) -> Iterator[Sshd]:
    """A private sshd for the whole session; skipped off CI when sshd cannot run here."""
    try:
        server = start_sshd(tmp_path_factory.mktemp("sshd"))
    except (FileNotFoundError, PermissionError, RuntimeError) as exc:
        unavailable(str(exc))
    try:
        yield server
    finally:
        server.stop()


def session_pids(sshd: Sshd) -> list[int]:
    """The airoles-tui processes started through this sshd (found by their environment;
    the local ssh client, whose command line names airoles-tui too, is not one)."""
    marker = f"XDG_CONFIG_HOME={sshd.env['XDG_CONFIG_HOME']}".encode()
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read()
            with open(f"/proc/{entry}/environ", "rb") as f:
                env = f.read().split(b"\0")
        except OSError:
            continue
        if b"airoles-tui" in cmd and marker in env and b"ssh" not in cmd.split(b"\0")[0]:
            pids.append(int(entry))
    return pids
