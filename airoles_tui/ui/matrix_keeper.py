"""The skills matrix's owner in the app: its session (recommend/matrix_session: the matrix,
its file, its recovery copy), kept by the app rather than by a screen or pane, so closing the
matrix loses nothing and a session's end (a signal, a quit) can put it somewhere safe.

It saves, opens and restores through the plan's flows and dialogs (ui/document_flow), so
both documents are saved, conflict-checked and recovered one way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from ..catalog.records import Catalog
from ..documents.session import Opened, Problems
from ..recommend.matrix import Matrix
from ..recommend.matrix_session import MatrixDocument, MatrixSession
from .document_flow import (
    RecoveryCopies,
    offer_recovery,
    resolve_unsaved,
    save_document,
    show_problems,
)


class MatrixKeeper:
    def __init__(self, app: App[Any], catalog: Catalog, open_screen: Callable[[], object]
                 ) -> None:
        self.app = app
        self.session = MatrixSession(catalog)
        self.copies = RecoveryCopies(app, self.session)
        self.open_screen = open_screen  # the matrix's screen, from wherever the user is
        self.view: Callable[[], object] | None = None  # the open screen's redraw, if open

    @property
    def doc(self) -> MatrixDocument:
        return self.session.doc

    @property
    def matrix(self) -> Matrix:
        return self.session.doc.matrix

    def changed(self) -> None:
        """A cell, a row or a skill changed: unsaved, and copied within half a second."""
        self.doc.dirty = True
        self.copies.schedule()

    def keep(self) -> None:
        """The session is ending (a signal, a quit): the copy now, durably, if unsaved.
        No timer or notice is touched: this may run in the lifecycle's watchdog thread."""
        self.session.save_recovery(durable=True)

    def _redraw(self) -> bool:
        if self.view is None:
            return False
        self.view()
        return True

    # -- flows (run in workers: they wait on dialogs) ---------------------------------------

    async def save(self, save_as: bool = False) -> bool:
        saved = await save_document(self.app, self.session, save_as)
        self._redraw()
        return saved

    async def open(self) -> bool:
        """Another matrix from the matrices folder, or a blank one; asks first if unsaved."""
        from .screens.dialogs import NEW_BLANK, OpenPlanScreen

        if not await resolve_unsaved(self.app, self.session, "open another matrix"):
            self._redraw()
            return False
        choice = await self.app.push_screen_wait(OpenPlanScreen(
            [], self.session.listing(), str(self.session.folder),
            title="Open a skills matrix", noun="matrix", nouns="matrices"))
        if choice is None:
            self._redraw()
            return False
        opened = (self.session.new_blank() if choice == NEW_BLANK
                  else self.session.open(Path(choice.partition(":")[2])))
        if isinstance(opened, Problems):
            await show_problems(self.app, opened)
        self._redraw()
        return isinstance(opened, Opened)

    def copies_waiting(self) -> bool:
        return self.session.copies_waiting()

    async def offer_recovery(self) -> None:
        await offer_recovery(self.app, self.session, self._restored)

    def _restored(self, _opened: Opened) -> None:
        """The matrix on screen: its screen redrawn if open, else opened."""
        if not self._redraw():
            self.open_screen()
