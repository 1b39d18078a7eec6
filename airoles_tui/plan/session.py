"""The open plan and its file: what saving, opening, restoring, exporting and quitting do.

The designer's flows are decisions ("the file changed on disk: ask", "saved to X", "cannot
open: these problems") taken here, away from any widget, so that each can be driven and
checked without a terminal (tests/unit/test_plan_session.py). The pane (ui/panes/org.py)
turns an outcome that needs an answer into a dialog and calls back with the answer; it keeps
only showing and editing the plan. Saving, the recovery copy and its offer are every
document's (documents/session.DocumentSession); the plan adds opening examples, comparing,
duplicating and exporting.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog.records import Catalog
from ..documents.session import (
    Conflict,
    DocumentSession,
    Opened,
    Problems,
    Question,
    RecoveryWrite,
    Restorable,
    Saved,
    problems_of,
)
from ..documents.loaded import Loaded
from ..documents.store import Entry
from .document import PlanDocument
from .file_format import PlanError, load_plan, unknown_roles
from .model import OrgPlan, exercise_plan
from .recent import forget, recent_plans, remember
from .recovery import pending_recoveries, write_recovery
from ..documents.stamp import Stamp
from .store import (
    PlanConflict,
    PlanEntry,
    PlanSaveError,
    file_name_for,
    list_plans,
    save_plan,
    write_atomic,
)

__all__ = ["Conflict", "Opened", "PlanSession", "Problems", "Question", "RecoveryWrite",
           "Restorable", "Saved", "problems_of"]


class PlanSession(DocumentSession[OrgPlan]):
    """One session's open plan (a PlanDocument), the plans folder and the recovery copy.

    Only this class reads or writes plan files for the designer; the dirty flag, the path
    and the stamp it keeps decide every question about losing work.
    """

    noun = "plan"
    folder_name = "the plans folder"
    elsewhere = "save it under another folder (start with --plans-dir) or free some space"

    def __init__(self, catalog: Catalog, plans_dir: Path) -> None:
        self.catalog = catalog
        self.doc: PlanDocument = PlanDocument(exercise_plan(catalog))
        super().__init__(plans_dir)

    @property
    def plans_dir(self) -> Path:
        return self.folder

    # -- the plan's file (DocumentSession) --------------------------------------------------

    def display_name(self) -> str:
        return self.doc.plan.name

    def suggested_name(self) -> str:
        return file_name_for(self.doc.plan.name)

    def write(self, path: Path, expected: Stamp | None, force: bool) -> Stamp:
        return save_plan(self.doc.plan, path, expected, force=force)

    def write_copy(self, path: Path, durable: bool) -> None:
        write_recovery(self.doc.plan, path, self.doc.path, self.doc.stamp, durable=durable)

    def pending(self) -> list[Entry]:
        return list(pending_recoveries(self.plans_dir))  # as the base types it

    def read_copy(self, path: Path) -> Loaded[OrgPlan]:
        return load_plan(path)

    def save(self, target: Path | None = None, *, force: bool = False
             ) -> Saved | Conflict | Problems:
        """DocumentSession.save; a plan saved is remembered, to be reopened at next launch."""
        outcome = super().save(target, force=force)
        if isinstance(outcome, Saved):
            remember(outcome.path)  # as in load: a failure to remember is no failure to save
        return outcome

    # -- opening ------------------------------------------------------------------------------

    def load(self, plan: OrgPlan, path: Path | None, stamp: Stamp | None,
             *, dirty: bool = False) -> Opened:
        """Make ``plan`` the open plan. A clean plan has nothing to recover: its copy goes.
        A plan with a file is remembered, to be reopened at the next launch."""
        self.doc.replace(plan, path, stamp, dirty=dirty)
        self.replaced(dirty)
        if path is not None:
            # A recent list that cannot be written costs only the reopening at the next
            # launch: its failure never stands in the way of the open or save that asked.
            remember(path)
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
            return self.load(loaded.document, None, None)
        return self.load(loaded.document, loaded.path, loaded.stamp)

    def reopen_last(self) -> Opened | None:
        """At launch: open the plan opened or saved last. None when there is none (the blank
        plan stays); when it is gone, or no longer reads as a plan, the blank plan stays and
        the Opened's warning says why (a gone plan is forgotten, a broken one stays listed
        in ctrl+o with its problem). Never a dialog: launching must not stop on a question
        about a file the user did not ask for this time."""
        last = recent_plans()
        if not last:
            return None
        path = last[0]
        try:
            gone = not path.is_file()
        except OSError:  # cannot even look: load_plan says why
            gone = False
        if gone:
            forget(path)
            # The file's name first and whole: a long folder wraps in a notice.
            return Opened(f"{path.name}, the plan you had open last, is gone from "
                          f"{path.parent} (moved or deleted): this is a new plan.")
        try:
            loaded = load_plan(path)
        except PlanError as exc:
            return Opened(f"The plan you had open last could not be opened: {exc.problems[0]}"
                          ". This is a new plan; ctrl+o lists that one with its problem.")
        return self.load(loaded.document, loaded.path, loaded.stamp)

    def recent(self) -> list[PlanEntry]:
        """The plans opened or saved last that still exist, newest first, read for listing;
        the open plan is left out (it is what the user would switch from)."""
        from .recent import recent_entries

        open_now = self.doc.path.absolute() if self.doc.path is not None else None
        return [entry for entry in recent_entries() if entry.path != open_now]

    def read_other(self, path: Path) -> OrgPlan | Problems:
        """Another plan read for comparing; the open plan is untouched."""
        try:
            return load_plan(path).document
        except PlanError as exc:
            return problems_of(f"Cannot compare with {path.name}", exc,
                               "The file was not changed.")

    def listing(self) -> tuple[list[PlanEntry], list[PlanEntry]]:
        """The plans that can be opened: (worked examples, the user's plans)."""
        from ..paths import example_plans_dir

        return list_plans(example_plans_dir()), list_plans(self.plans_dir)

    # -- duplicating ------------------------------------------------------------------------

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
