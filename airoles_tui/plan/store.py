"""Saving plans so that nothing a person typed is ever lost, and finding them again.

Writing is atomic (temp file in the same directory, fsync, rename, fsync the directory), so
a crash leaves the old plan or the new one; a save checks the file's stamp first, so a
second session's save is seen instead of overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import files
from .file_format import PlanError, dumps, load_plan
from .model import OrgPlan
from .stamp import Stamp, changed_on_disk

SUFFIX = ".toml"


class PlanSaveError(Exception):
    """The plan could not be written; the message says why in words a user can act on."""


class PlanConflict(Exception):
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
        raise PlanSaveError(str(exc)) from exc
    return Stamp.of_bytes(data, path.stat().st_mtime_ns)


def save_plan(plan: OrgPlan, path: Path, expected: Stamp | None, *, force: bool = False) -> Stamp:
    """Atomically write ``plan`` to ``path`` and return the new stamp.

    Raises PlanConflict when the file on disk is not ``expected`` (None: no file) unless
    ``force``; PlanSaveError when it cannot be written. Either way nothing was changed.
    """
    if not force:
        reason = changed_on_disk(path, expected)
        if reason:
            raise PlanConflict(path, reason)
    return write_atomic(path, dumps(plan).encode("utf-8"))


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """A plan file as listed for opening: its name, when it changed, or why it can't be read."""

    path: Path
    name: str
    modified: float
    problem: str = ""
    source: str = ""  # recovery copies: the file being edited, "" if never saved


def list_plans(plans_dir: Path) -> list[PlanEntry]:
    """The plans in a folder, newest first; unreadable ones listed with their problem."""
    return _entries(plans_dir)


def _entries(folder: Path) -> list[PlanEntry]:
    try:
        files = [p for p in folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")
                 and p.is_file()]
    except OSError:
        return []
    out = []
    for path in files:
        try:
            modified = path.stat().st_mtime
        except OSError:
            continue
        try:
            loaded = load_plan(path)
            src = str(loaded.recovery_source) if loaded.recovery_source else ""
            out.append(PlanEntry(path, loaded.plan.name, modified, source=src))
        except PlanError as exc:
            out.append(PlanEntry(path, path.stem, modified, problem=str(exc.problems[0])))
    return sorted(out, key=lambda e: (-e.modified, e.path.name))


_UNSAFE = re.compile(r"[^\w.-]+")


def file_name_for(name: str) -> str:
    """A suggested file name for a plan name: ``Series B legal`` -> ``series-b-legal.toml``."""
    stem = _UNSAFE.sub("-", name.strip().lower()).strip("-.") or "plan"
    return stem[:60] + SUFFIX


def check_file_name(name: str) -> str | None:
    """Why ``name`` can't be a plan file name in the plans folder, or None."""
    name = name.strip()
    if not name:
        return "type a file name"
    if "/" in name or "\\" in name or "\0" in name:
        return "a name, not a path: plans are saved in the plans folder"
    if name.startswith("."):
        return "names starting with '.' are hidden"
    return None


def plan_path(plans_dir: Path, name: str) -> Path:
    name = name.strip()
    return plans_dir / (name if name.endswith(SUFFIX) else name + SUFFIX)
