"""The app's screens' common base: focus changes repaint what they change, not everything
(the quiet_focus patch, ui/textual_compat/quiet_focus)."""

from __future__ import annotations

from textual.screen import ModalScreen, Screen, ScreenResultType

from ..textual_compat import active
from ..textual_compat.quiet_focus import focused_reactive


class AppScreen(Screen[ScreenResultType]):
    """A screen whose focus moves repaint only the widgets they change."""

    if active("quiet_focus"):
        focused = focused_reactive()


class AppModalScreen(ModalScreen[ScreenResultType]):
    """The same for dialogs."""

    if active("quiet_focus"):
        focused = focused_reactive()
