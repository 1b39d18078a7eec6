"""Recovery copies: unsaved edits kept under ``<plans-dir>/.recovery/``, one per session.

A copy is a plan file with a ``[recovery]`` table naming the file it was editing; copies
left by sessions that are gone are offered back at the next launch.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

from .model import OrgPlan
from .stamp import Stamp
from .store import PlanEntry, _entries, encode, write_atomic

RECOVERY_DIR = ".recovery"


def recovery_dir(plans_dir: Path) -> Path:
    return plans_dir / RECOVERY_DIR


def session_recovery_path(plans_dir: Path) -> Path:
    """This process's recovery copy: one per session, so two sessions never clobber each other."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    return recovery_dir(plans_dir) / f"session-{stamp}-{os.getpid()}.toml"


def write_recovery(plan: OrgPlan, path: Path, source: Path | None, source_stamp: Stamp | None,
                   *, durable: bool = False) -> None:
    info: dict[str, Any] = {"source": str(source.absolute()) if source else ""}
    if source_stamp is not None:
        info["source_sha256"] = source_stamp.sha256
        info["source_size"] = source_stamp.size
    write_atomic(path, encode(plan, info), durable=durable)


def discard_recovery(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except OSError:
        pass  # gone already, or its folder is unusable: nothing left to discard


_SESSION_RE = re.compile(r"^session-[0-9T]+-(\d+)\.toml$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

def restores_inside(plans_dir: Path, source: Path | None) -> bool:
    """Whether a copy naming ``source`` restores into the plans folder (None: never saved).

    A copy is a file anyone able to write ``.recovery/`` could have dropped there, naming any
    path: restoring it to a path outside the folder is asked about, never done silently."""
    if source is None:
        return True
    try:
        return source.resolve().is_relative_to(plans_dir.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False


def pending_recoveries(plans_dir: Path) -> list[PlanEntry]:
    """Recovery copies left by sessions that are gone, newest first."""
    folder = recovery_dir(plans_dir)
    out = []
    for entry in _entries(folder):
        m = _SESSION_RE.match(entry.path.name)
        if m and _alive(int(m.group(1))):
            continue
        out.append(entry)
    return out


