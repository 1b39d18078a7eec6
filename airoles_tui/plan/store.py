"""Saving plans and finding them again: the plan's side of documents/store.py (atomic
saves behind a conflict check, file names), which every document shares, and the listing of
plan files by their plans' names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..documents.stamp import Stamp
from ..documents.store import (
    MAX_NAME_BYTES,
    SUFFIX,
    Entry,
    check_file_name,
    document_files,
    file_name_for,
    folder_lock,
    path_in,
    save_bytes,
    write_atomic,
)
from ..documents.store import Conflict as PlanConflict
from ..documents.store import SaveError as PlanSaveError
from .file_format import PlanError, UnwritablePlan, dumps, load_plan
from .model import OrgPlan

__all__ = ["MAX_NAME_BYTES", "SUFFIX", "PlanConflict", "PlanEntry", "PlanSaveError",
           "check_file_name", "encode", "file_name_for", "list_plans", "plan_entries",
           "plan_entry", "plan_lock", "plan_path", "save_plan", "scan_plans", "write_atomic"]


@dataclass(frozen=True, slots=True)
class PlanEntry(Entry):
    """A plan file as listed for opening. The plan itself comes along (None when it cannot
    be read), so a listing shows its hire count and cost without reading the file twice."""

    plan: OrgPlan | None = None


plan_lock = folder_lock
plan_path = path_in


def save_plan(plan: OrgPlan, path: Path, expected: Stamp | None, *, force: bool = False) -> Stamp:
    """Atomically write ``plan`` to ``path`` and return the new stamp.

    Raises PlanConflict when the file on disk is not ``expected`` (None: no file) unless
    ``force``; PlanSaveError when it cannot be written (documents/store.save_bytes).
    """
    return save_bytes(encode(plan), path, expected, force=force)


def encode(plan: OrgPlan, recovery: dict | None = None) -> bytes:
    """The plan file's bytes, or PlanSaveError for a plan TOML cannot hold."""
    try:
        return dumps(plan, recovery).encode("utf-8")
    except UnwritablePlan as exc:
        raise PlanSaveError(f"not saved: {exc}") from exc


def list_plans(plans_dir: Path) -> list[PlanEntry]:
    """The plans in a folder, newest first; unreadable ones listed with their problem. A
    folder that is missing or cannot be read lists nothing (see scan_plans)."""
    return plan_entries(document_files(plans_dir))


def scan_plans(plans_dir: Path) -> list[PlanEntry]:
    """As list_plans, but OSError when the folder cannot be read, for a caller that must say
    so (`plan list`) rather than show an empty list."""
    return plan_entries(document_files(plans_dir, strict=True))


def plan_entries(paths: list[Path]) -> list[PlanEntry]:
    """Plan files as listed for opening (or offered back, for recovery copies), newest first."""
    out = [entry for entry in map(plan_entry, paths) if entry is not None]
    return sorted(out, key=lambda e: (-e.modified, e.path.name))


def plan_entry(path: Path) -> PlanEntry | None:
    """``path`` read for a listing: the plan, or its first problem; None when it is gone (or
    is not a file). documents/store.list_entries' road, keeping the plan it read."""
    try:
        if not path.is_file():
            return None
        modified = path.stat().st_mtime
    except OSError:
        return None
    try:
        loaded = load_plan(path)
    except PlanError as exc:
        return PlanEntry(path, path.stem, modified, problem=str(exc.problems[0]))
    source = str(loaded.recovery_source) if loaded.recovery_source else ""
    return PlanEntry(path, loaded.document.name, modified, source=source, plan=loaded.document)
