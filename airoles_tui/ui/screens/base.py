"""The app's screens' common base: focus changes repaint what they change, not everything."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.widget import Widget


class AppScreen(Screen[ScreenResultType]):
    """Textual declares ``Screen.focused`` as a repainting reactive, so every focus move (each
    pane switch, `/` opening a filter) repainted the whole screen on top of the repaint of
    what changed: ~6.5 KB more over SSH each time. The widgets that gain or lose focus are
    restyled (and repainted) by ``set_focus`` itself; nothing else depends on it.
    """

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class AppModalScreen(ModalScreen[ScreenResultType]):
    """The same for dialogs."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
