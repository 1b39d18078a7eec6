"""Recovery copies: a document's unsaved edits kept under ``<folder>/.recovery/``, one file
per session and document, so two sessions (two SSH logins of one user) never clobber each
other's copy.

A copy is the document's own file format with a ``[recovery]`` table naming the file it was
editing and that file's stamp; copies whose session is gone are offered back at the next
launch, a live session's never.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from pathlib import Path
from typing import Any

from ..validation.schema import INT, TEXT, F, Spec
from .stamp import Stamp
from .store import document_files

RECOVERY_DIR = ".recovery"
# The [recovery] table of a copy: the file it was editing ("" if never saved) and its stamp.
RECOVERY_SPEC: Spec = {"source": F(TEXT), "source_sha256": F(TEXT, False),
                       "source_size": F(INT, False)}

_copies_made = itertools.count(1)
# session-<time>-<pid>.toml, or -<pid>-<n>.toml for a second document of one process.
_SESSION_RE = re.compile(r"^session-[0-9T]+-(\d+)(?:-\d+)?\.toml$")


def recovery_dir(folder: Path) -> Path:
    return folder / RECOVERY_DIR


def session_copy_path(folder: Path) -> Path:
    """A new recovery copy's path: the process id says whose it is (a live session's copy is
    never offered), and a count keeps two documents of one process apart."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    n = next(_copies_made)
    tail = f"-{n}" if n > 1 else ""
    return recovery_dir(folder) / f"session-{stamp}-{os.getpid()}{tail}.toml"


def recovery_table(source: Path | None, source_stamp: Stamp | None) -> dict[str, Any]:
    """The ``[recovery]`` table of a copy of a document last read or written as ``source``."""
    info: dict[str, Any] = {"source": str(source.absolute()) if source else ""}
    if source_stamp is not None:
        info["source_sha256"] = source_stamp.sha256
        info["source_size"] = source_stamp.size
    return info


def recovered_source(table: dict[str, Any] | None) -> tuple[Path | None, Stamp | None]:
    """The file a copy was editing and the stamp it had then (None, None: never saved)."""
    if not table or not table.get("source"):
        return None, None
    stamp = None
    if table.get("source_sha256"):
        stamp = Stamp(0, table.get("source_size", -1), table["source_sha256"])
    return Path(table["source"]), stamp


def discard(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except OSError:
        pass  # gone already, or its folder is unusable: nothing left to discard


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


def held_by_live_session(path: Path) -> bool:
    """Whether ``path`` is the copy of a session still running (never offered to another)."""
    m = _SESSION_RE.match(path.name)
    return m is not None and _alive(int(m.group(1)))


def ended_copies(folder: Path) -> list[Path]:
    """The copies under ``folder`` that no running session holds, in no particular order."""
    return [p for p in document_files(recovery_dir(folder)) if not held_by_live_session(p)]


def restores_inside(folder: Path, source: Path | None) -> bool:
    """Whether a copy naming ``source`` restores into ``folder`` (None: never saved).

    A copy is a file anyone able to write ``.recovery/`` could have dropped there, naming any
    path: restoring it to a path outside the folder is asked about, never done silently."""
    if source is None:
        return True
    try:
        return source.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False
