"""The plan being edited: where it came from, whether it has unsaved edits, and undo.

The designer's widgets only change the plan through this object, so "unsaved changes?" and
"what does undo bring back?" have one answer that tests can check without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .limits import in_range
from .model import Hire, OrgPlan
from ..documents.stamp import Stamp

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
        """Insert a hire after index ``after`` (None: at the end); returns its index.

        The new hire starts as the one it follows in role, seniority, team and start
        month: a plan is mostly runs of alike hires, and retyping them was most of the keys.
        ``role`` is for a first hire, which follows nobody.
        """
        hires = self.plan.hires
        at = len(hires) if after is None else min(after + 1, len(hires))
        if at > 0:
            like = hires[at - 1]
            new = Hire(role=like.role, seniority=like.seniority, team=like.team,
                       start=like.start)
        else:
            new = Hire(role=role)
        return self._insert(at, new, "add hire")

    def duplicate_hire(self, index: int) -> int | None:
        """Insert a full copy of a hire (texts too) right after it; returns its index."""
        if not 0 <= index < len(self.plan.hires):
            return None
        return self._insert(index + 1, replace(self.plan.hires[index]),
                            f"duplicate hire {index + 1}")

    def _insert(self, at: int, hire: Hire, label: str) -> int:
        self.checkpoint(label, max(at - 1, 0))
        self.plan.hires.insert(at, hire)
        self.dirty = True
        return at

    def shift_starts(self, index: int, months: int) -> bool:
        """Move the start month of hire ``index`` and every later hire by ``months``.

        Refused (False, nothing changed) when a start would fall before month 1 or past
        what a plan holds: the whole run moves or none of it does.
        """
        hires = self.plan.hires[index:]
        if not hires or not months:
            return False
        if not all(in_range("start", h.start + months) for h in hires):
            return False
        self.checkpoint(f"shift starts from hire {index + 1}", index)
        for hire in hires:
            hire.start += months
        self.dirty = True
        return True

    def order_by_start(self) -> bool:
        """Sort hires by start month, keeping the order of hires that start together."""
        hires = self.plan.hires
        ordered = sorted(hires, key=lambda h: h.start)
        if ordered == hires and all(a is b for a, b in zip(ordered, hires)):
            return False
        self.checkpoint("order by start month", 0)
        hires[:] = ordered
        self.dirty = True
        return True

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
