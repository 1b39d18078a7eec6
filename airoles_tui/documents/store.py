"""Saving a document so that nothing a person typed is ever lost, and naming its file.

Writing is atomic (temp file in the same directory, fsync, rename, fsync the directory), so
a crash leaves the old file or the new one; a save checks the file's stamp first, so a
second session's save is seen instead of overwritten. Plans and skills matrices both save
through here: one way to save, one set of messages.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .. import files
from .stamp import Stamp, changed_on_disk

SUFFIX = ".toml"


class SaveError(Exception):
    """The document could not be written; the message says why in words a user can act on."""


class Conflict(Exception):
    """The file on disk is not the one this session opened (or it exists already)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> Stamp:
    """Atomically replace ``path`` (see files.write_atomic) and return the new stamp."""
    try:
        files.write_atomic(path, data, durable=durable)
    except files.WriteError as exc:
        raise SaveError(str(exc)) from exc
    return Stamp.of_bytes(data, path.stat().st_mtime_ns)


def save_bytes(data: bytes, path: Path, expected: Stamp | None, *, force: bool = False) -> Stamp:
    """Atomically write ``data`` to ``path`` and return the new stamp.

    Raises Conflict when the file on disk is not ``expected`` (None: no file) unless
    ``force``; SaveError when it cannot be written. Either way nothing was changed.
    The check and the rename happen under a lock, so of two sessions saving at one moment
    the second sees the first's file and gets the conflict, instead of both "saving".
    """
    with folder_lock(path):
        if not force:
            reason = changed_on_disk(path, expected)
            if reason:
                raise Conflict(path, reason)
        return write_atomic(path, data)


@contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """An advisory lock (flock) on the folder that holds the file (a symlink's target's).

    Locking the folder rather than a lock file beside the document leaves nothing behind in
    it (a lock file cannot safely be deleted: a third session could lock a new one while the
    second holds the old), and saves are milliseconds, so files in one folder queueing for
    each other costs nothing. Where the folder cannot be opened the save goes on unlocked and
    fails on its own write with a clear message.
    """
    import fcntl

    try:
        target = files.link_target(path)
    except files.WriteError as exc:
        raise SaveError(str(exc)) from exc
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target.parent, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def document_files(folder: Path, *, strict: bool = False) -> list[Path]:
    """The documents a folder holds (visible ``.toml`` files), or none when it can't be read
    (``strict``: OSError then, for a caller that must say so rather than list nothing)."""
    try:
        return [p for p in folder.iterdir() if p.suffix == SUFFIX
                and not p.name.startswith(".") and p.is_file()]
    except OSError:
        if strict:
            raise
        return []


@dataclass(frozen=True, slots=True)
class Entry:
    """A document's file as listed for opening: its name, when it changed, or why it can't
    be read."""

    path: Path
    name: str
    modified: float
    problem: str = ""
    source: str = ""  # recovery copies: the file being edited, "" if never saved


def list_entries(paths: list[Path],
                 describe: Callable[[Path], tuple[str, Path | None]]) -> list[Entry]:
    """``paths`` as entries, newest first. ``describe`` reads a file: its document's name and,
    for a recovery copy, the file it was editing; it raises SourceError for a file that cannot
    be used, which is listed with its first problem."""
    from ..validation.source import SourceError

    out = []
    for path in paths:
        try:
            modified = path.stat().st_mtime
        except OSError:
            continue
        try:
            name, source = describe(path)
        except SourceError as exc:
            out.append(Entry(path, path.stem, modified, problem=str(exc.problems[0])))
            continue
        out.append(Entry(path, name, modified, source=str(source) if source else ""))
    return sorted(out, key=lambda e: (-e.modified, e.path.name))


_UNSAFE = re.compile(r"[^\w.-]+")


def file_name_for(name: str, default: str = "plan") -> str:
    """A suggested file name for a document's name: ``Series B legal`` -> ``series-b-legal.toml``."""
    stem = _UNSAFE.sub("-", name.strip().lower()).strip("-.") or default
    return stem[:60] + SUFFIX


# File systems allow 255 bytes per name; the atomic writer's temporary file adds 15
# (".NAME.xxxxxxxx.tmp"), so a document's name, with its .toml, must leave room for them.
MAX_NAME_BYTES = 255 - 15
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def check_file_name(name: str) -> str | None:
    """Why ``name`` can't be a file name in a document folder, or None."""
    name = name.strip()
    if not name:
        return "type a file name"
    if "/" in name or "\\" in name:
        return "a name, not a path: the file is saved in the folder shown"
    if _CONTROL.search(name):
        return "a name cannot hold tabs, line breaks or other control characters"
    if name.startswith("."):
        return "names starting with '.' are hidden"
    size = len(name.encode("utf-8")) + (0 if name.endswith(SUFFIX) else len(SUFFIX))
    if size > MAX_NAME_BYTES:
        return (f"too long: a file name can be at most {MAX_NAME_BYTES} bytes with its "
                f"{SUFFIX} ({size} here)")
    return None


def path_in(folder: Path, name: str) -> Path:
    """The file a checked name stands for in ``folder`` (``.toml`` added when missing)."""
    name = name.strip()
    return folder / (name if name.endswith(SUFFIX) else name + SUFFIX)
