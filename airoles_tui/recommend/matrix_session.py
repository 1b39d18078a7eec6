"""The skills matrix being edited and its file: the plan's session (documents/session) over
the matrix's file format, so a matrix is saved, conflict-checked, kept in a recovery copy of
this session's own and offered back exactly as a plan is, in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalog.records import Catalog
from ..documents.loaded import Loaded
from ..documents.session import DocumentSession, Opened, Problems, problems_of
from ..documents.stamp import Stamp
from ..documents.store import Entry, file_name_for
from ..paths import matrices_dir
from ..validation.source import SourceError
from .matrix import Matrix
from .matrix_file import (
    DEFAULT_NAME,
    list_matrices,
    load_file,
    pending_recoveries,
    save,
    summary,
    write_recovery,
)


@dataclass
class MatrixDocument:
    """The open matrix: the file it came from, its stamp, whether it has unsaved edits (the
    plan's PlanDocument without undo: a score is one key to put back)."""

    matrix: Matrix
    path: Path | None = None  # None: never saved
    stamp: Stamp | None = None  # the file as we last read or wrote it
    dirty: bool = False

    def replace(self, matrix: Matrix, path: Path | None, stamp: Stamp | None,
                *, dirty: bool = False) -> None:
        self.matrix, self.path, self.stamp, self.dirty = matrix, path, stamp, dirty

    def saved(self, path: Path, stamp: Stamp) -> None:
        self.path, self.stamp, self.dirty = path, stamp, False


class MatrixSession(DocumentSession[Matrix]):
    noun = "skills matrix"
    folder_name = "the matrices folder"
    save_key = "s"
    elsewhere = "free some space, or note the scores you see"

    def __init__(self, catalog: Catalog, folder: Path | None = None) -> None:
        self.catalog = catalog
        self.doc: MatrixDocument = MatrixDocument(Matrix.empty(catalog))
        super().__init__(folder or matrices_dir())

    # -- the matrix's file (DocumentSession) ------------------------------------------------

    def display_name(self) -> str:
        where = self.doc.path.name if self.doc.path else "The skills matrix"
        return f"{where} ({summary(self.doc.matrix)})"

    def suggested_name(self) -> str:
        return file_name_for(DEFAULT_NAME, DEFAULT_NAME)

    def write(self, path: Path, expected: Stamp | None, force: bool) -> Stamp:
        return save(self.doc.matrix, path, expected, force=force)

    def write_copy(self, path: Path, durable: bool) -> None:
        write_recovery(self.doc.matrix, path, self.doc.path, self.doc.stamp, durable=durable)

    def pending(self) -> list[Entry]:
        return pending_recoveries(self.folder, self.catalog)

    def read_copy(self, path: Path) -> Loaded[Matrix]:
        return load_file(path, self.catalog)

    # -- opening ----------------------------------------------------------------------------

    def load(self, matrix: Matrix, path: Path | None, stamp: Stamp | None,
             *, dirty: bool = False) -> Opened:
        self.doc.replace(matrix, path, stamp, dirty=dirty)
        self.replaced(dirty)
        return Opened()

    def new_blank(self) -> Opened:
        return self.load(Matrix.empty(self.catalog), None, None)

    def open(self, path: Path) -> Opened | Problems:
        try:
            loaded = load_file(path, self.catalog)
        except SourceError as exc:
            return problems_of(f"Cannot open {path.name}", exc, "The file was not changed.")
        return self.load(loaded.document, loaded.path, loaded.stamp)

    def listing(self) -> list[Entry]:
        """The matrices that can be opened, newest first."""
        return list_matrices(self.folder, self.catalog)

    def copies_waiting(self) -> bool:
        """Whether a session that is gone left an unsaved matrix (cheap when no matrix was
        ever edited here: the folder is not there)."""
        return self.folder.is_dir() and bool(self.pending())
