"""A plan's recovery copies under ``<plans-dir>/.recovery/`` (documents/recovery.py: one per
session, offered back when that session ended without saving).

A copy is a plan file with a ``[recovery]`` table naming the file it was editing.
"""

from __future__ import annotations

from pathlib import Path

from ..documents.recovery import ended_copies, recovery_dir, recovery_table, restores_inside
from ..documents.stamp import Stamp
from .model import OrgPlan
from .store import PlanEntry, encode, plan_entries, write_atomic

__all__ = ["pending_recoveries", "recovery_dir", "restores_inside", "write_recovery"]


def write_recovery(plan: OrgPlan, path: Path, source: Path | None, source_stamp: Stamp | None,
                   *, durable: bool = False) -> None:
    write_atomic(path, encode(plan, recovery_table(source, source_stamp)), durable=durable)


def pending_recoveries(plans_dir: Path) -> list[PlanEntry]:
    """Recovery copies left by sessions that are gone, newest first."""
    return plan_entries(ended_copies(plans_dir))
