"""A throwaway pane, as a new pane would be written: this module and one line in a list of
panes (tests/ui/test_pane_contract.py). It records what the app asked of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.widgets import OptionList

from airoles_tui.catalog.records import Catalog
from airoles_tui.ui.panes.base import Pane
from airoles_tui.ui.widgets.text import literal


@dataclass(frozen=True)
class NotePlace:
    index: int


class NotesPane(Pane):
    BINDINGS = [Binding("n", "next_note", "Next note", id="notes.next")]

    def __init__(self, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(catalog, **kwargs)
        self.builds = 0
        self.shown_unbuilt = False  # a frame of the pane before its list was there
        self.restored: list[Any] = []

    @property
    def built(self) -> bool:
        return bool(self.query(OptionList))

    async def build(self) -> None:
        if self.built:
            return
        self.builds += 1
        notes = OptionList(*(literal(role.name) for role in self.catalog.roles[:5]),
                           id="notes-list")
        await self.mount(notes)

    def on_show(self) -> None:
        if not self.built:
            self.shown_unbuilt = True

    def location(self) -> NotePlace | None:
        notes = self.query(OptionList)
        return NotePlace(notes.first().highlighted or 0) if notes else None

    def restore(self, state: Any) -> None:
        self.restored.append(state)
        self.query_one(OptionList).highlighted = state.index

    def action_next_note(self) -> None:
        self.query_one(OptionList).action_cursor_down()
