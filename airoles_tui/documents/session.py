"""One session's open document and its file: what saving, restoring and leaving it do.

The decisions ("the file changed on disk: ask", "saved to X", "cannot restore: these
problems") are taken here, away from any widget, and returned as outcomes; the app turns an
outcome that needs an answer into a dialog (ui/document_flow) and calls back with the
answer. The plan (plan/session.PlanSession) and the skills matrix
(recommend/matrix_session.MatrixSession) are this class over their own file formats, so both
save, conflict, keep recovery copies and offer them back the same way, in the same words.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from ..validation.source import SourceError
from .loaded import Loaded
from .recovery import discard, restores_inside, session_copy_path
from .stamp import Stamp
from .store import Conflict as StoreConflict
from .store import Entry, SaveError, path_in

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
    noun: str = "plan"

    @property
    def question(self) -> Question:
        return Question("File changed on disk" if self.changed else "File exists",
                        f"{self.path} {self.reason}. Replace it with this {self.noun}, or "
                        f"save this {self.noun} under another name?")


@dataclass(frozen=True, slots=True)
class Problems:
    """A step that could not be done, with why (each problem a line) and what it left."""

    title: str
    problems: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Opened:
    """A document now open; ``warning`` says what in it the catalog does not know."""

    warning: str = ""


@dataclass(frozen=True, slots=True)
class RecoveryWrite:
    """Whether the recovery copy holds the document; ``warning`` only on the first failure
    in a row, so a full disk is said once, not on every keystroke."""

    kept: bool
    warning: str = ""


D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class Restorable(Generic[D]):
    """A recovery copy read back; ``outside`` asks where to save it when the file it names
    is outside the document's folder."""

    entry: Entry
    loaded: Loaded[D]
    outside: Question | None


def problems_of(title: str, exc: SourceError, note: str) -> Problems:
    return Problems(title, tuple(str(p) for p in exc.problems), note)


class DocumentState(Protocol):
    """The open document as the session needs it (PlanDocument, MatrixDocument)."""

    path: Path | None
    stamp: Stamp | None
    dirty: bool

    def saved(self, path: Path, stamp: Stamp) -> None: ...


class DocumentSession(Generic[D]):
    """One session's open document (``doc``), its folder and its recovery copy.

    A subclass says what the document is called and how its files are written and read
    (the methods that raise NotImplementedError); the dirty flag, the path and the stamp
    kept here decide every question about losing work.
    """

    noun = "document"  # in titles and questions: "Restore unsaved plan?"
    folder_name = "its folder"  # "outside the plans folder", "in the plans folder"
    save_key = "ctrl+s"  # the keys that save it, for the words of questions and warnings
    save_as_key = "alt+s"
    elsewhere = "free some space"  # when not even the recovery copy can be written

    doc: DocumentState

    def __init__(self, folder: Path) -> None:
        self._recovery_warned = False
        self.use_folder(folder)

    def use_folder(self, folder: Path) -> None:
        """Keep documents (and this session's recovery copy) in ``folder``."""
        self.folder = folder
        self.recovery_path = session_copy_path(folder)

    # -- what a subclass says about its document ----------------------------------------

    def display_name(self) -> str:
        """The document as named in questions ("“Series B” has unsaved changes")."""
        raise NotImplementedError

    def suggested_name(self) -> str:
        """The file name offered when a document never saved is saved."""
        raise NotImplementedError

    def write(self, path: Path, expected: Stamp | None, force: bool) -> Stamp:
        """Save the open document (documents/store.save_bytes: Conflict, SaveError)."""
        raise NotImplementedError

    def write_copy(self, path: Path, durable: bool) -> None:
        """Write the recovery copy naming the file being edited (SaveError)."""
        raise NotImplementedError

    def pending(self) -> list[Entry]:
        """Copies left by sessions that are gone, newest first."""
        raise NotImplementedError

    def read_copy(self, path: Path) -> Loaded[D]:
        """A recovery copy read back (SourceError when it cannot be used)."""
        raise NotImplementedError

    def load(self, document: D, path: Path | None, stamp: Stamp | None,
             *, dirty: bool = False) -> Opened:
        """Make ``document`` the open one, saving to ``path`` (a restored copy: unsaved,
        saving to the file it was editing)."""
        raise NotImplementedError

    # -- leaving the open document (open another, restore, quit) ------------------------

    def replaced(self, dirty: bool) -> None:
        """Another document is now open: a clean one has nothing to recover, its copy goes."""
        if not dirty:
            discard(self.recovery_path)

    def unsaved(self, verb: str) -> Question | None:
        """The question to ask before the open document is dropped to ``verb``; None when
        nothing would be lost."""
        if not self.doc.dirty:
            return None
        return Question("Unsaved changes",
                        f"\u201c{self.display_name()}\u201d has unsaved changes. Save them "
                        f"before you {verb}?")

    def discard_changes(self) -> None:
        """The user chose to drop the unsaved edits: no copy of them stays behind."""
        self.doc.dirty = False
        discard(self.recovery_path)

    def close(self) -> None:
        """The session ends: a clean document's copy is removed, an unsaved one's stays to
        be offered at the next launch."""
        if not self.doc.dirty:
            discard(self.recovery_path)

    # -- saving ---------------------------------------------------------------------------

    def name_to_ask(self, save_as: bool = False) -> str | None:
        """The file name to suggest when a save must ask for one (save as, or a document
        never saved); None when a save writes the document's own file."""
        path = self.doc.path
        if not save_as and path is not None:
            return None
        return path.name if path is not None else self.suggested_name()

    def target(self, name: str) -> Path:
        """Where a file name typed in the save dialog puts the document."""
        return path_in(self.folder, name)

    def save(self, target: Path | None = None, *, force: bool = False
             ) -> Saved | Conflict | Problems:
        """Write the document to ``target`` (None: its own file). Refused with a Conflict
        when the file is not what this session last read or wrote (changed or deleted on
        disk; for a new name, already there) unless ``force``. When it cannot be written,
        the document goes to its recovery copy, durably, and the Problems say whether that
        worked."""
        doc = self.doc
        path = target if target is not None else doc.path
        if path is None:
            raise ValueError(f"a {self.noun} never saved needs a target (name_to_ask)")
        expected = doc.stamp if path == doc.path else None
        try:
            stamp = self.write(path, expected, force)
        except StoreConflict as conflict:
            return Conflict(path, conflict.reason, expected is not None, self.noun)
        except SaveError as exc:
            kept = self.save_recovery(durable=True).kept
            note = (f"The {self.noun} is still open here, and in its recovery copy "
                    f"{self.recovery_path}: nothing is lost." if kept else
                    f"The {self.noun} is still open here, but its recovery copy could not "
                    f"be written either: {self.elsewhere}.")
            return Problems(f"{self.noun.capitalize()} not saved", (str(exc),), note)
        doc.saved(path, stamp)
        discard(self.recovery_path)
        return Saved(path)

    # -- the recovery copy ------------------------------------------------------------------

    def save_recovery(self, durable: bool = False) -> RecoveryWrite:
        """Write this session's recovery copy of an unsaved document (a clean one's goes)."""
        if not self.doc.dirty:
            discard(self.recovery_path)
            return RecoveryWrite(True)
        try:
            self.write_copy(self.recovery_path, durable)
        except SaveError as exc:
            warning = "" if self._recovery_warned else (
                f"Recovery copy not written: {exc}. Save the {self.noun} elsewhere "
                f"({self.save_as_key}) to keep it.")
            self._recovery_warned = True
            return RecoveryWrite(False, warning)
        self._recovery_warned = False
        return RecoveryWrite(True)

    def recovery_offer(self) -> tuple[Entry, Question, int] | None:
        """The newest copy left by a session that ended unsaved, the question offering it,
        and how many copies wait in all; None when there is none."""
        pending = self.pending()
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
            f"Restore unsaved {self.noun}?",
            f"Restore unsaved {self.noun} \u201c{entry.name}\u201d? A session ended without "
            f"saving it; its last edits were kept at {when}. {where}{more}"), len(pending)

    def discard_offered(self, entry: Entry) -> None:
        discard(entry.path)

    def read_recovery(self, entry: Entry) -> Restorable[D] | Problems:
        """Read a copy back, and whether the file it names needs asking about."""
        try:
            loaded = self.read_copy(entry.path)
        except SourceError as exc:
            return problems_of("Cannot restore", exc, f"The copy stays in {entry.path.parent}.")
        source = loaded.recovery_source
        outside = None
        if not restores_inside(self.folder, source):
            outside = Question(
                "Restore to which file?",
                f"The recovery copy names {source}, outside {self.folder_name} "
                f"{self.folder}. Save it as a new {self.noun} in {self.folder_name}, or keep "
                f"{source} as the file {self.save_key} writes?")
        return Restorable(entry, loaded, outside)

    def restore(self, found: Restorable[D], *, keep_source: bool = True) -> Opened:
        """Open the copy as an unsaved document, saving to the file it names
        (``keep_source``; only asked when that file is outside the folder) or, if not, to a
        new name. The copy moves into this session's own copy, so it is offered no more."""
        loaded = found.loaded
        source, stamp = loaded.recovery_source, loaded.source_stamp
        if found.outside is not None and not keep_source:
            source = stamp = None
        opened = self.load(loaded.document, source, stamp, dirty=True)
        if self.save_recovery().kept:
            discard(found.entry.path)
        return opened
