"""`airoles-tui serve ssh` under test: a server of the test's own, users with keys made by
ssh-keygen, and the system `ssh -tt` client in a pty (ptyterm) to log in as each of them.

Off CI a missing ssh client skips; on CI (CI=true) it fails (see sshd.unavailable).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .ptyterm import PtyTerm
from .sshd import installed_app, unavailable


def keygen(path: Path, name: str) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)],
                   check=True, stdout=subprocess.DEVNULL)
    return path


@dataclass
class ServeSsh:
    root: Path
    keys_dir: Path
    authorized: Path
    process: subprocess.Popen
    port: int
    fingerprint: str
    err: Path
    known_hosts: Path
    config: Path

    def key(self, name: str) -> Path:
        return self.keys_dir / name

    def ssh_argv(self, user: str, extra: Iterable[str] = (), tty: bool = True,
                 keys: Iterable[Path] = ()) -> list[str]:
        identities = [a for k in (list(keys) or [self.key(user)]) for a in ("-i", str(k))]
        # The server's host key is known in advance and checked strictly, as the README asks
        # users to do; no file outside the test's own is read or written.
        return ["ssh", *(["-tt"] if tty else ["-T"]), "-F", str(self.config),
                "-o", f"UserKnownHostsFile={self.known_hosts}",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "ConnectTimeout=20", *identities, "-p", str(self.port), *extra,
                f"{user}@127.0.0.1"]

    def login(self, user: str, cols: int = 80, rows: int = 24, **kw) -> PtyTerm:
        return PtyTerm(self.ssh_argv(user, **kw), cols=cols, rows=rows, env={"COLORTERM": ""})

    def run(self, user: str, *remote: str, tty: bool = False, extra: Iterable[str] = (),
            timeout: float = 30, **kw) -> subprocess.CompletedProcess:
        return subprocess.run([*self.ssh_argv(user, extra, tty=tty, **kw), *remote],
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=timeout)

    def log(self) -> str:
        return self.err.read_text(errors="replace")

    def home(self, user: str) -> Path:
        return self.root / "users" / user

    def app_pids(self) -> list[int]:
        """The app processes of this server's sessions (their HOME is under ROOT/users)."""
        from airoles_tui.serve.homes import processes_under

        return processes_under(self.root)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        for pid in self.app_pids():  # never leave an app behind, even when a test failed
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def start_serve_ssh(tmp: Path, users: Iterable[str] = ("alice", "bob"),
                    strangers: Iterable[str] = ("eve",), extra: Iterable[str] = ()
                    ) -> ServeSsh:
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            unavailable(f"{tool} not found (apt-get install openssh-client)")
    keys_dir = tmp / "keys"
    keys_dir.mkdir(parents=True, exist_ok=True)
    lines = []
    for name in [*users, *strangers]:
        keygen(keys_dir / name, name)
        if name in users:
            lines.append((keys_dir / f"{name}.pub").read_text())
    authorized = tmp / "authorized_keys"
    authorized.write_text("".join(lines))
    root, out, err = tmp / "root", tmp / "serve.out", tmp / "serve.err"
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    process = subprocess.Popen(
        [str(installed_app()), "serve", "ssh", "--listen", "127.0.0.1:0",
         "--authorized-keys", str(authorized), "--root", str(root), *extra],
        stdin=subprocess.DEVNULL, stdout=open(out, "wb"), stderr=open(err, "wb"), env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        text = out.read_text(errors="replace")
        port = re.search(r"listening on [^\s]+:(\d+)", text)
        print_ = re.search(r"fingerprint: (SHA256:\S+)", text)
        if port and print_:
            host_key = subprocess.run(["ssh-keygen", "-y", "-f", str(root / "host_ed25519")],
                                      capture_output=True, text=True, check=True).stdout
            known_hosts = tmp / "known_hosts"
            known_hosts.write_text(f"[127.0.0.1]:{port.group(1)} {host_key}")
            config = tmp / "ssh_config"
            config.write_text("")
            return ServeSsh(root, keys_dir, authorized, process, int(port.group(1)),
                            print_.group(1), err, known_hosts, config)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"serve ssh did not start:\n{out.read_text()}\n{err.read_text()}")
