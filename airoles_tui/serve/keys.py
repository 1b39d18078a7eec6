"""Who may log in (the authorized-keys file) and who the server is (its host key).

The authorized-keys file is OpenSSH's format with the user's name as each key's comment:

    ssh-ed25519 AAAAC3Nza... alice

It is read again at every login, so adding or removing a student needs no restart. A bad
line is reported as ``file:line: what is wrong`` and left out; the others still work.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

from .homes import valid_name

HOST_KEY_TYPE = "ssh-ed25519"
MAX_KEYS_FILE = 4 * 1024 * 1024


@dataclass
class AuthorizedKeys:
    users: dict[bytes, str] = field(default_factory=dict)  # public key blob -> user name
    problems: list[str] = field(default_factory=list)


def read_authorized_keys(path: Path) -> AuthorizedKeys:
    """Parse ``path``; never raises: an unreadable file means nobody gets in, and says why."""
    result = AuthorizedKeys()
    try:
        if not path.is_file():  # a FIFO or device would block or never end
            raise OSError(0, "not a regular file")
        with open(path, "rb") as f:
            data = f.read(MAX_KEYS_FILE + 1)
    except OSError as exc:
        result.problems.append(f"{path}: cannot read the authorized keys: "
                               f"{exc.strerror or exc}")
        return result
    if len(data) > MAX_KEYS_FILE:
        result.problems.append(f"{path}: larger than {MAX_KEYS_FILE} bytes; not read")
        return result
    for number, raw in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        problem = _add_line(result, line)
        if problem:
            result.problems.append(f"{path}:{number}: {problem}")
    return result


def _add_line(result: AuthorizedKeys, line: str) -> str | None:
    fields = line.split(None, 2)
    if len(fields) < 2:
        return "expected 'KEY-TYPE BASE64 NAME'"
    if not (fields[0].startswith(("ssh-", "ecdsa-", "sk-"))):
        return (f"{fields[0][:40]!r} is not a key type (options before the key are not "
                "supported: this server allows one thing, the app)")
    try:
        key = asyncssh.import_public_key(f"{fields[0]} {fields[1]}")
    except (asyncssh.KeyImportError, ValueError) as exc:
        return f"not a public key ({exc})"
    name = fields[2].strip() if len(fields) == 3 else ""
    if not valid_name(name):
        return (f"the comment after the key must be the user's name (a-z, 0-9, _ and -, "
                f"at most 32 characters), got {name[:40]!r}")
    blob = key.public_data
    if result.users.get(blob, name) != name:
        return f"this key is already given to {result.users[blob]!r}; a key names one user"
    result.users[blob] = name
    return None


def fingerprint(key) -> str:
    shown: str = key.get_fingerprint("sha256")  # asyncssh's SSHKey
    return shown


class HostKeyError(Exception):
    pass


def load_or_create_host_key(path: Path):
    """The server's ed25519 key: generated once (0600), then the same at every start, so
    users who checked its fingerprint are not told it changed."""
    if path.exists():
        mode = path.stat().st_mode
        if mode & 0o077:
            raise HostKeyError(f"{path}: the host key is readable by others "
                               f"(mode {mode & 0o777:o}); chmod 600 {path}")
        try:
            return asyncssh.read_private_key(str(path))
        except (asyncssh.KeyImportError, OSError, ValueError) as exc:
            raise HostKeyError(f"{path}: not a usable private key ({exc})") from None
    key = asyncssh.generate_private_key(HOST_KEY_TYPE, comment="airoles-tui serve")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise HostKeyError(f"{path}: cannot create the host key: {exc.strerror}") from None
    with os.fdopen(fd, "wb") as f:
        f.write(key.export_private_key())
        f.flush()
        os.fsync(f.fileno())
    return key
