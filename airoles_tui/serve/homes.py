"""Where a served user's files live and what environment their app process sees.

Each user gets ROOT/users/<name>/ (0700) as HOME with the XDG dirs inside, so plans,
recovery copies, settings and the catalog cache are per person. The child's environment is
built from nothing: the server's own (its credentials, its paths) never leaks into a
session, and of the client's variables only the harmless colour hints pass.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

NAME = re.compile(r"[a-z0-9_][a-z0-9_-]{0,31}")
_TERM = re.compile(r"[A-Za-z0-9._+-]{1,64}")
_HINT = re.compile(r"[ -~]{0,64}")  # printable ASCII, short
CLIENT_HINTS = ("COLORTERM", "NO_COLOR")
XDG = {"XDG_DATA_HOME": ".local/share", "XDG_CONFIG_HOME": ".config",
       "XDG_STATE_HOME": ".local/state", "XDG_CACHE_HOME": ".cache"}


def valid_name(name: str) -> bool:
    return NAME.fullmatch(name) is not None


def app_command() -> Path:
    """The installed `airoles-tui` beside the Python running the server (its venv's bin):
    the same code, whatever PATH says."""
    return Path(sys.executable).parent / "airoles-tui"


def private_dir(path: Path) -> Path:
    """Make ``path`` and its missing parents with mode 0700 (mkdir's ``parents`` would
    make them 0755); tighten ``path`` if it exists."""
    missing = []
    while not path.exists() and path != path.parent:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    path = missing[0] if missing else path
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def user_home(root: Path, name: str) -> Path:
    """ROOT/users/<name>/ with its XDG dirs, all 0700. ``name`` must be valid: it becomes
    a path, so a name like ``..`` must never get here."""
    if not valid_name(name):
        raise ValueError(f"not a valid user name: {name!r}")
    home = private_dir(root.resolve() / "users" / name)
    for sub in XDG.values():
        private_dir(home / sub)
    return home


def child_env(home: Path, name: str, term: str | None,
              client_env: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {
        "PATH": f"{app_command().parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home), "USER": name, "LOGNAME": name,
        "LANG": "C.UTF-8",
        "TERM": term if term and _TERM.fullmatch(term) else "xterm-256color",
        **{key: str(home / sub) for key, sub in XDG.items()},
    }
    for key in CLIENT_HINTS:
        value = (client_env or {}).get(key)
        if isinstance(value, str) and _HINT.fullmatch(value):
            env[key] = value
    return env


def child_argv(data_dir: Path | None = None) -> list[str]:
    argv = [str(app_command())]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir.resolve())]
    return argv


def processes_under(root: Path) -> list[int]:
    """Pids whose HOME lies under ROOT/users: the app processes of this service (tests and
    the benchmark use it to prove that none outlive their session)."""
    prefix = f"HOME={root.resolve() / 'users'}/".encode()
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                env = f.read().split(b"\0")
        except OSError:
            continue
        if any(item.startswith(prefix) for item in env):
            pids.append(int(entry))
    return pids
