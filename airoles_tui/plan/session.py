"""The open plan and its file: what saving, opening, restoring, exporting and quitting do.

The designer's flows are decisions ("the file changed on disk: ask", "saved to X", "cannot
open: these problems") taken here, away from any widget, so that each can be driven and
checked without a terminal (tests/unit/test_plan_session.py). The pane (ui/panes/org.py)
turns an outcome that needs an answer into a dialog and calls back with the answer; it keeps
only showing and editing the plan.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..catalog.records import Catalog
from .document import PlanDocument
from .file_format import LoadedPlan, PlanError, load_plan, unknown_roles
from .model import OrgPlan, exercise_plan
from .recovery import (
    discard_recovery,
    pending_recoveries,
    restores_inside,
    session_recovery_path,
    write_recovery,
)
from .stamp import Stamp
from .store import (
    PlanConflict,
    PlanEntry,
    PlanSaveError,
    file_name_for,
    list_plans,
    plan_path,
    save_plan,
    write_atomic,
)

# -- outcomes: what happened, or what must be asked before anything happens -----------------


@dataclass(frozen=True, slots=True)
class Question:
    """Something to ask before going on: a dialog's title and words."""

    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Saved:
    path: Path


@dataclass(frozen=True, slots=True)
class Conflict:
    """The target is not the file this session expects: changed or deleted on disk since it
    was read (``changed``), or a file already there under a new name. Nothing was written;
    ``save(path, force=True)`` overwrites."""

    path: Path
    reason: str
    changed: bool

    @property
    def question(self) -> Question:
        return Question("File changed on disk" if self.changed else "File exists",
                        f"{self.path} {self.reason}. Replace it with this plan, or save this "
                        "plan under another name?")


@dataclass(frozen=True, slots=True)
class Problems:
    """A step that could not be done, with why (each problem a line) and what it left."""

    title: str
    problems: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Opened:
    """A plan now open; ``warning`` names hires whose roles the catalog does not know."""

    warning: str = ""


@dataclass(frozen=True, slots=True)
class RecoveryWrite:
    """Whether the recovery copy holds the plan; ``warning`` only on the first failure in a
    row, so a full disk is said once, not on every keystroke."""

    kept: bool
    warning: str = ""


@dataclass(frozen=True, slots=True)
class Restorable:
    """A recovery copy read back; ``outside`` asks where to save it when the file it names
    is outside the plans folder."""

    entry: PlanEntry
    loaded: LoadedPlan
    outside: Question | None


def problems_of(title: str, exc: PlanError, note: str) -> Problems:
    return Problems(title, tuple(str(p) for p in exc.problems), note)


class PlanSession:
    """One session's open plan (a PlanDocument), the plans folder and the recovery copy.

    Only this class reads or writes plan files for the designer; the dirty flag, the path
    and the stamp it keeps decide every question about losing work.
    """

    def __init__(self, catalog: Catalog, plans_dir: Path) -> None:
        self.catalog = catalog
        self.doc = PlanDocument(exercise_plan(catalog))
        self._recovery_warned = False
        self.use_folder(plans_dir)

    def use_folder(self, plans_dir: Path) -> None:
        """Keep plans (and this session's recovery copy) in ``plans_dir``."""
        self.plans_dir = plans_dir
        self.recovery_path = session_recovery_path(plans_dir)

    # -- opening ------------------------------------------------------------------------------

    def load(self, plan: OrgPlan, path: Path | None, stamp: Stamp | None,
             *, dirty: bool = False) -> Opened:
        """Make ``plan`` the open plan. A clean plan has nothing to recover: its copy goes."""
        self.doc.replace(plan, path, stamp, dirty=dirty)
        if not dirty:
            discard_recovery(self.recovery_path)
        unknown = unknown_roles(plan, self.catalog)
        if not unknown:
            return Opened()
        ids = ", ".join(sorted({r for _, r in unknown}))
        return Opened(f"{len(unknown)} hire(s) name roles the catalog does not know ({ids}); "
                      "they are marked ! and kept.")

    def new_blank(self) -> Opened:
        return self.load(exercise_plan(self.catalog), None, None)

    def open(self, path: Path, *, template: bool = False) -> Opened | Problems:
        """Open a plan file; a ``template`` (a worked example) opens as a plan never saved,
        so ctrl+s asks for a name of the user's own instead of writing over the example."""
        try:
            loaded = load_plan(path)
        except PlanError as exc:
            return problems_of(f"Cannot open {path.name}", exc, "The file was not changed.")
        if template:
            return self.load(loaded.plan, None, None)
        return self.load(loaded.plan, loaded.path, loaded.stamp)

    def read_other(self, path: Path) -> OrgPlan | Problems:
        """Another plan read for comparing; the open plan is untouched."""
        try:
            return load_plan(path).plan
        except PlanError as exc:
            return problems_of(f"Cannot compare with {path.name}", exc,
                               "The file was not changed.")

    def listing(self) -> tuple[list[PlanEntry], list[PlanEntry]]:
        """The plans that can be opened: (worked examples, the user's plans)."""
        from ..paths import example_plans_dir

        return list_plans(example_plans_dir()), list_plans(self.plans_dir)

    # -- leaving the open plan (open another, restore, duplicate, quit) ---------------------

    def unsaved(self, verb: str) -> Question | None:
        """The question to ask before the open plan is dropped to ``verb``; None when
        nothing would be lost."""
        if not self.doc.dirty:
            return None
        return Question("Unsaved changes",
                        f"\u201c{self.doc.plan.name}\u201d has unsaved changes. Save them "
                        f"before you {verb}?")

    def discard_changes(self) -> None:
        """The user chose to drop the unsaved edits: no copy of them stays behind."""
        self.doc.dirty = False
        discard_recovery(self.recovery_path)

    def close(self) -> None:
        """The designer goes away (the app ends): a clean plan's copy is removed, an
        unsaved plan's stays to be offered at the next launch."""
        if not self.doc.dirty:
            discard_recovery(self.recovery_path)

    # -- saving ---------------------------------------------------------------------------

    def name_to_ask(self, save_as: bool = False) -> str | None:
        """The file name to suggest when a save must ask for one (save as, or a plan never
        saved); None when ctrl+s writes the plan's own file."""
        path = self.doc.path
        if not save_as and path is not None:
            return None
        return path.name if path is not None else file_name_for(self.doc.plan.name)

    def target(self, name: str) -> Path:
        """Where a file name typed in the save dialog puts the plan."""
        return plan_path(self.plans_dir, name)

    def save(self, target: Path | None = None, *, force: bool = False
             ) -> Saved | Conflict | Problems:
        """Write the plan to ``target`` (None: its own file). Refused with a Conflict when the
        file is not what this session last read or wrote (changed or deleted on disk; for a
        new name, already there) unless ``force``. When it cannot be written, the plan goes
        to its recovery copy, durably, and the Problems say whether that worked."""
        doc = self.doc
        path = target if target is not None else doc.path
        if path is None:
            raise ValueError("a plan never saved needs a target (name_to_ask)")
        expected = doc.stamp if path == doc.path else None
        try:
            stamp = save_plan(doc.plan, path, expected, force=force)
        except PlanConflict as conflict:
            return Conflict(path, conflict.reason, changed=expected is not None)
        except PlanSaveError as exc:
            kept = self.save_recovery(durable=True).kept
            note = (f"The plan is still open here, and in its recovery copy "
                    f"{self.recovery_path}: nothing is lost." if kept else
                    "The plan is still open here, but its recovery copy could not be "
                    "written either: save it under another folder (start with "
                    "--plans-dir) or free some space.")
            return Problems("Plan not saved", (str(exc),), note)
        doc.saved(path, stamp)
        discard_recovery(self.recovery_path)
        return Saved(path)

    def copy_name(self) -> str:
        """The file name suggested for a copy of the open plan."""
        return file_name_for(self._copy().name)

    def _copy(self) -> OrgPlan:
        copy = self.doc.plan.copy()
        copy.name = f"{copy.name} (copy)"
        return copy

    def duplicate(self, name: str) -> Saved | Conflict | Problems:
        """Save a copy of the open plan under a new name, never over a file; once saved, the
        copy is the open plan (edits go to it, the original stays as it was saved)."""
        copy = self._copy()
        path = self.target(name)
        try:
            stamp = save_plan(copy, path, None)
        except PlanConflict as conflict:
            return Conflict(path, conflict.reason, changed=False)
        except PlanSaveError as exc:
            return Problems("Copy not saved", (str(exc),), "The open plan is unchanged.")
        self.load(copy, path, stamp)
        return Saved(path)

    # -- the recovery copy ------------------------------------------------------------------

    def save_recovery(self, durable: bool = False) -> RecoveryWrite:
        """Write this session's recovery copy of an unsaved plan (a clean plan's goes)."""
        if not self.doc.dirty:
            discard_recovery(self.recovery_path)
            return RecoveryWrite(True)
        try:
            write_recovery(self.doc.plan, self.recovery_path, self.doc.path, self.doc.stamp,
                           durable=durable)
        except PlanSaveError as exc:
            warning = "" if self._recovery_warned else (
                f"Recovery copy not written: {exc}. Save the plan elsewhere (alt+s) to keep it.")
            self._recovery_warned = True
            return RecoveryWrite(False, warning)
        self._recovery_warned = False
        return RecoveryWrite(True)

    def recovery_offer(self) -> tuple[PlanEntry, Question, int] | None:
        """The newest copy left by a session that ended unsaved, the question offering it,
        and how many copies wait in all; None when there is none."""
        pending = pending_recoveries(self.plans_dir)
        if not pending:
            return None
        entry = pending[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.modified))
        # The file's name first and whole: a long folder wraps, and breaking the name with it
        # left a user to piece it together across lines.
        source = Path(entry.source) if entry.source else None
        where = (f"It was editing {source.name} in {source.parent}." if source
                 else "It had never been saved to a file.")
        more = (f" ({len(pending) - 1} more will be offered next time.)" if len(pending) > 1
                else "")
        return entry, Question(
            "Restore unsaved plan?",
            f"Restore unsaved plan \u201c{entry.name}\u201d? A session ended without saving "
            f"it; its last edits were kept at {when}. {where}{more}"), len(pending)

    def discard_offered(self, entry: PlanEntry) -> None:
        discard_recovery(entry.path)

    def read_recovery(self, entry: PlanEntry) -> Restorable | Problems:
        """Read a copy back, and whether the file it names needs asking about."""
        try:
            loaded = load_plan(entry.path)
        except PlanError as exc:
            return problems_of("Cannot restore", exc, f"The copy stays in {entry.path.parent}.")
        source = loaded.recovery_source
        outside = None
        if not restores_inside(self.plans_dir, source):
            outside = Question(
                "Restore to which file?",
                f"The recovery copy names {source}, outside the plans folder "
                f"{self.plans_dir}. Save it as a new plan in the plans folder, or keep "
                f"{source} as the file ctrl+s writes?")
        return Restorable(entry, loaded, outside)

    def restore(self, found: Restorable, *, keep_source: bool = True) -> Opened:
        """Open the copy as an unsaved plan, saving to the file it names (``keep_source``;
        only asked when that file is outside the plans folder) or, if not, to a new name.
        The copy moves into this session's own copy, so it is offered no more."""
        loaded = found.loaded
        source, stamp = loaded.recovery_source, loaded.source_stamp
        if found.outside is not None and not keep_source:
            source = stamp = None
        opened = self.load(loaded.plan, source, stamp, dirty=True)
        if self.save_recovery().kept:
            discard_recovery(found.entry.path)
        return opened

    # -- export -----------------------------------------------------------------------------

    def export_target(self, fmt: str) -> Path:
        """Where an export goes: beside the plan's own file name, in the plans folder."""
        stem = (self.doc.path.stem if self.doc.path else
                file_name_for(self.doc.plan.name).removesuffix(".toml"))
        return self.plans_dir / f"{stem}.{'md' if fmt == 'md' else 'json'}"

    def export(self, fmt: str, *, force: bool = False) -> Saved | Question | Problems:
        """Write the Markdown or JSON export; an export already there (perhaps edited since)
        is asked about first unless ``force``."""
        from .report import plan_json_text, plan_markdown

        target = self.export_target(fmt)
        if not force and (target.exists() or target.is_symlink()):
            return Question("Export exists",
                            f"{target} exists already (perhaps edited since it was exported). "
                            "Replace it with this export?")
        text = (plan_markdown(self.doc.plan, self.catalog) if fmt == "md"
                else plan_json_text(self.doc.plan, self.catalog))
        try:
            write_atomic(target, text.encode("utf-8"))
        except PlanSaveError as exc:
            return Problems("Export not written", (str(exc),), "")
        return Saved(target)
