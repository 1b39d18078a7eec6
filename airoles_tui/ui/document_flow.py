"""A document session's outcomes as dialogs, said once for every document (the plan, the
skills matrix): save with its conflict question, the unsaved-changes question, the recovery
copy written half a second after an edit, and a copy of an ended session offered back.

The decisions are the session's (documents/session.DocumentSession); these coroutines ask
what an outcome needs asked and call back with the answer. They run in the owner's workers,
since they wait on dialogs (``push_screen_wait``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.timer import Timer
from textual.widget import Widget

from ..documents.session import Conflict, DocumentSession, Opened, Problems

AUTOSAVE_DELAY = 0.5  # seconds from the first unsaved edit to the recovery copy


class RecoveryCopies:
    """Writes a session's recovery copy: by a one-shot timer started by the first edit after
    a write (steady typing still reaches the disk every half second, and an idle session
    writes nothing), at once when the session is ending, and says once when it cannot."""

    def __init__(self, owner: Widget | App[Any], session: DocumentSession) -> None:
        self.owner = owner  # runs the timer and says what went wrong
        self.session = session
        self._timer: Timer | None = None

    @property
    def scheduled(self) -> bool:
        return self._timer is not None

    def schedule(self) -> None:
        if self._timer is None:
            self._timer = self.owner.set_timer(AUTOSAVE_DELAY, self._autosave)

    def _autosave(self) -> None:
        self._timer = None
        self.save()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def save(self, durable: bool = False) -> bool:
        """Write (or, for a clean document, remove) the copy; False when it failed."""
        written = self.session.save_recovery(durable=durable)
        if written.warning:
            self.owner.notify(written.warning, severity="error", timeout=10, markup=False)
        return written.kept


async def show_problems(app: App[Any], problems: Problems) -> None:
    from .screens.dialogs import ProblemsScreen

    await app.push_screen_wait(ProblemsScreen(problems.title, list(problems.problems),
                                              problems.note))


async def save_document(app: App[Any], session: DocumentSession, save_as: bool = False) -> bool:
    """Save (asking a name the first time, or always with ``save_as``); True once saved."""
    from .screens.dialogs import Choice, ChoiceScreen, SaveAsScreen

    target = None
    suggested = session.name_to_ask(save_as)
    if suggested is not None:
        name = await app.push_screen_wait(SaveAsScreen(suggested, str(session.folder),
                                                       title=f"Save {session.noun} as"))
        if name is None:
            return False
        target = session.target(name)
    outcome = session.save(target)
    while isinstance(outcome, Conflict):
        question = outcome.question
        answer = await app.push_screen_wait(ChoiceScreen(
            question.title, question.text,
            [Choice("o", "Overwrite", "overwrite"),
             Choice("a", "Save as another name", "save_as"),
             Choice("c", "Cancel", "cancel")], cancel_value="cancel"))
        if answer == "overwrite":
            outcome = session.save(outcome.path, force=True)
        elif answer == "save_as":
            return await save_document(app, session, save_as=True)
        else:
            return False
    if isinstance(outcome, Problems):
        await show_problems(app, outcome)
        return False
    # The name first, a line of its own: a long folder wraps after it, never through it.
    app.notify(f"Saved {outcome.path.name}\nin {outcome.path.parent}", markup=False)
    return True


async def resolve_unsaved(app: App[Any], session: DocumentSession, verb: str) -> bool:
    """True when it is fine to drop the open document (saved, discarded or clean)."""
    question = session.unsaved(verb)
    if question is None:
        return True
    from .screens.dialogs import Choice, ChoiceScreen

    answer = await app.push_screen_wait(ChoiceScreen(
        question.title, question.text,
        [Choice("s", "Save", "save"), Choice("d", "Discard changes", "discard"),
         Choice("c", "Cancel", "cancel")], cancel_value="cancel"))
    if answer == "save":
        return await save_document(app, session)
    if answer == "discard":
        session.discard_changes()
        return True
    return False


async def offer_recovery(app: App[Any], session: DocumentSession,
                         restored: Callable[[Opened], object]) -> None:
    """Offer the newest copy an ended session left: restore it (``restored`` then shows the
    document), discard it, or later."""
    offer = session.recovery_offer()
    if offer is None:
        return
    from .screens.dialogs import Choice, ChoiceScreen

    entry, question, _count = offer
    noun = session.noun
    answer = await app.push_screen_wait(ChoiceScreen(
        question.title, question.text,
        [Choice("r", "Restore", "restore"), Choice("d", "Discard it", "discard"),
         Choice("l", "Later", "later")], cancel_value="later"))
    if answer == "discard":
        session.discard_offered(entry)
        app.notify("Recovery copy discarded", markup=False)
        return
    if answer != "restore" or not await resolve_unsaved(app, session,
                                                        f"restore the other {noun}"):
        return
    found = session.read_recovery(entry)
    if isinstance(found, Problems):
        await show_problems(app, found)
        return
    keep = True
    if found.outside is not None:
        keep = await app.push_screen_wait(ChoiceScreen(
            found.outside.title, found.outside.text,
            [Choice("a", f"Save as a new {noun}", "save_as"),
             Choice("k", "Keep that file", "keep")], cancel_value="save_as")) == "keep"
    restored(session.restore(found, keep_source=keep))
    app.notify(f"{noun.capitalize()} restored: {session.save_key} saves it", markup=False)
