"""A plan's recovery copies under ``<plans-dir>/.recovery/`` (documents/recovery.py: one per
session, offered back when that session ended without saving).

A copy is a plan file with a ``[recovery]`` table naming the file it was editing.
"""

from __future__ import annotations

from pathlib import Path

from ..documents.recovery import (
    discard,
    ended_copies,
    recovery_dir,
    recovery_table,
    restores_inside,
    session_copy_path,
)
from ..documents.stamp import Stamp
from .model import OrgPlan
from .store import PlanEntry, encode, plan_entries, write_atomic

__all__ = ["discard_recovery", "pending_recoveries", "recovery_dir", "restores_inside",
           "session_recovery_path", "write_recovery"]

discard_recovery = discard
session_recovery_path = session_copy_path


def write_recovery(plan: OrgPlan, path: Path, source: Path | None, source_stamp: Stamp | None,
                   *, durable: bool = False) -> None:
    write_atomic(path, encode(plan, recovery_table(source, source_stamp)), durable=durable)


def pending_recoveries(plans_dir: Path) -> list[PlanEntry]:
    """Recovery copies left by sessions that are gone, newest first."""
    return plan_entries(ended_copies(plans_dir))
