"""Focus moves repaint the widgets they change, not the whole screen.

Textual declares ``Screen.focused`` as a repainting reactive, so every focus move (each pane
switch, `/` opening a filter) repainted the whole screen on top of the repaint of what
changed. The widgets that gain or lose focus are restyled (and repainted) by ``set_focus``
itself; nothing else on our screens depends on it. The app's screens declare ``focused``
again without the repaint when this patch is in force.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from . import register


def _fits() -> bool:
    return isinstance(vars(Screen).get("focused"), Reactive)


register("quiet_focus", "focus moves repaint only what they change", _fits)


def focused_reactive() -> Reactive[Widget | None]:
    """``Screen.focused`` without the whole-screen repaint."""
    return Reactive(None, repaint=False)
