"""Where the user has been: a back stack across panes, like a browser's.

Following a link (a role named by a case study, a palette jump, a row of the table) records
where the user was; esc, backspace or alt+left goes back there, pane and all, when the user is
in the pane that link led to (a pane reached by its number key does not walk the history of
the panes left). A pane says what it shows through ``Pane.location()`` and takes it back
through ``Pane.restore()`` (ui/panes/base); a pane whose location is None is restored as a
pane, with its focus.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import TabbedContent

from .panes.base import Pane

if TYPE_CHECKING:
    from textual.app import App

HISTORY_LIMIT = 100


@dataclass(frozen=True)
class Place:
    pane: str
    state: Any = None
    focus: Callable[[], Widget | None] = field(default=lambda: None, compare=False, repr=False)


@dataclass(frozen=True)
class Step:
    came_from: Place
    went_to: Place


class Navigator:
    """The app's back stack. Only ``follow`` records; ``back`` never does."""

    def __init__(self, app: App, limit: int = HISTORY_LIMIT) -> None:
        self.app = app
        self.limit = limit
        self.steps: list[Step] = []

    def __len__(self) -> int:
        return len(self.steps)

    def _tabs(self) -> TabbedContent | None:
        try:
            return self.app.screen.query_one("#panes", TabbedContent)
        except NoMatches:  # another screen on top, or the app is not composed yet
            return None

    def pane_widget(self, pane_id: str) -> Pane | None:
        tabs = self._tabs()
        if tabs is None:
            return None
        try:
            tab = tabs.get_pane(pane_id)
        except (NoMatches, ValueError):
            return None
        return next((w for w in tab.children if isinstance(w, Pane)), None)

    def here(self) -> Place | None:
        tabs = self._tabs()
        if tabs is None or not tabs.active:
            return None
        pane = self.pane_widget(tabs.active)
        state = pane.location() if pane is not None else None
        focused = self.app.focused
        ref = weakref.ref(focused) if focused is not None else (lambda: None)
        return Place(tabs.active, state, ref)

    def follow(self, go: Callable[[], object]) -> None:
        """Run ``go`` (which moves the user somewhere) and remember where they came from."""
        before = self.here()
        go()
        after = self.here()
        if before is not None and after is not None and before != after:
            self.steps.append(Step(before, after))
            del self.steps[: -self.limit]
            if len(self.steps) == 1:
                self.app.refresh_bindings()  # "esc Back" joins the footer (a costly recompose)

    def arrived_here(self) -> bool:
        """True when the latest step led to exactly what is on screen now."""
        return bool(self.steps) and self.steps[-1].went_to == self.here()

    def can_go_back(self) -> bool:
        """Back goes back within what the user is looking at: only when the latest step led
        into the pane on screen. A pane the user switched to by its key has its own history
        (none, or the steps that led into it), not the history of the panes they left."""
        tabs = self._tabs()
        return bool(self.steps) and tabs is not None and (
            self.steps[-1].went_to.pane == tabs.active)

    def back(self) -> bool:
        if not self.can_go_back():
            return False
        place = self.steps.pop().came_from
        tabs = self._tabs()
        if tabs is not None:
            # Straight to the tab, not through the app's show_pane: that focuses the pane's
            # list first, and every focus change rebuilds the footer (a frame's worth of work).
            tabs.active = place.pane
        pane = self.pane_widget(place.pane)
        if pane is not None and place.state is not None:
            pane.restore(place.state)
        widget = place.focus()
        if widget is not None and widget.is_attached and widget.focusable:
            widget.focus()
        if not self.steps:
            self.app.refresh_bindings()
        return True
