"""The footer, rebuilt once per burst of binding changes instead of once per change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer schedules a full recompose for every bindings signal; start-up and
    each pane switch send several in a row (focus moves, screen resume, pane activation),
    and each recompose (~13 ms, a footer line of bytes) redraws what the next replaces. The
    keys are read when the recompose runs, so one pending recompose serves the whole burst.
    """

    _recompose_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._recompose_pending:
            return
        if self.is_attached and screen is self.screen:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_now)

    async def _recompose_now(self) -> None:
        self._recompose_pending = False
        await self.recompose()
