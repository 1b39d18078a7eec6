"""Saving plans and finding them again: the plan's side of documents/store.py (atomic
saves behind a conflict check, file names), which every document shares, and the listing of
plan files by their plans' names."""

from __future__ import annotations

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
    list_entries,
    path_in,
    save_bytes,
    write_atomic,
)
from ..documents.store import Conflict as PlanConflict
from ..documents.store import SaveError as PlanSaveError
from .file_format import UnwritablePlan, dumps, load_plan
from .model import OrgPlan

__all__ = ["MAX_NAME_BYTES", "SUFFIX", "PlanConflict", "PlanEntry", "PlanSaveError",
           "check_file_name", "encode", "file_name_for", "list_plans", "plan_entries", "plan_lock",
           "plan_path", "save_plan", "write_atomic"]

PlanEntry = Entry  # a plan file as listed for opening
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
    """The plans in a folder, newest first; unreadable ones listed with their problem."""
    return plan_entries(document_files(plans_dir))


def plan_entries(paths: list[Path]) -> list[PlanEntry]:
    """Plan files as listed for opening (or offered back, for recovery copies), newest first."""
    return list_entries(paths, _describe)


def _describe(path: Path) -> tuple[str, Path | None]:
    loaded = load_plan(path)
    return loaded.plan.name, loaded.recovery_source
