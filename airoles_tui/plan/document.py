"""The plan being edited: where it came from, whether it has unsaved edits, and undo.

The designer's widgets only change the plan through this object, so "unsaved changes?" and
"what does undo bring back?" have one answer that tests can check without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Hire, OrgPlan
from .stamp import Stamp

UNDO_DEPTH = 100


@dataclass
class PlanDocument:
    plan: OrgPlan
    path: Path | None = None  # None: never saved (blank plan, example, restored untitled copy)
    stamp: Stamp | None = None  # the file as we last read or wrote it
    dirty: bool = False
    _undo: list[tuple[str, OrgPlan, int]] = field(default_factory=list)

    # -- undo ----------------------------------------------------------------------------

    def checkpoint(self, label: str, selected: int) -> None:
        """Remember the plan as it is now, before a change the user may want back."""
        self._undo.append((label, self.plan.copy(), selected))
        del self._undo[:-UNDO_DEPTH]

    def undo(self) -> tuple[str, int] | None:
        """Restore the last checkpoint; returns (what was undone, hire to select)."""
        if not self._undo:
            return None
        label, plan, selected = self._undo.pop()
        self.plan = plan
        self.dirty = True
        return label, selected

    # -- edits ---------------------------------------------------------------------------

    def touch(self) -> None:
        self.dirty = True

    def add_hire(self, after: int | None, role: str) -> int:
        """Insert a hire after index ``after`` (None: at the end); returns its index."""
        hires = self.plan.hires
        self.checkpoint("add hire", after if after is not None else len(hires) - 1)
        at = len(hires) if after is None else min(after + 1, len(hires))
        start = hires[at - 1].start if at > 0 and hires else 1
        hires.insert(at, Hire(role=role, start=start))
        self.dirty = True
        return at

    def delete_hire(self, index: int) -> int | None:
        """Delete a hire; returns the index to select next (None when the list is empty)."""
        hires = self.plan.hires
        if not 0 <= index < len(hires):
            return None
        self.checkpoint(f"delete hire {index + 1}", index)
        del hires[index]
        self.dirty = True
        if not hires:
            return None
        return min(index, len(hires) - 1)

    def move_hire(self, index: int, delta: int) -> int:
        """Move a hire earlier (-1) or later (+1) in the hiring order; returns its new index."""
        hires = self.plan.hires
        target = index + delta
        if not (0 <= index < len(hires) and 0 <= target < len(hires)):
            return index
        self.checkpoint(f"move hire {index + 1}", index)
        hires[index], hires[target] = hires[target], hires[index]
        self.dirty = True
        return target

    def replace(self, plan: OrgPlan, path: Path | None, stamp: Stamp | None,
                *, dirty: bool = False) -> None:
        """Switch to another plan (opened, restored, new); its undo history starts empty."""
        self.plan = plan
        self.path = path
        self.stamp = stamp
        self.dirty = dirty
        self._undo.clear()

    def saved(self, path: Path, stamp: Stamp) -> None:
        self.path = path
        self.stamp = stamp
        self.dirty = False
