"""A one-line field that tells its owner of each change inside the keystroke, without a layout.

Textual's ``Input`` reports a change with its ``Changed`` message, handled one message later:
the field's repaint and the filtered list's went out in two frames. And on every keystroke it
assigns its ``virtual_size`` (a layout reactive), which re-lays the whole screen for a field
whose size never changes. With the patch in force, :class:`ImmediateInput` overrides
Textual's private ``Input._watch_value``: it records the width silently, then calls
:meth:`ImmediateInput.value_changed_now` from inside the watcher. Otherwise the owner reacts
to ``Changed`` (:meth:`ImmediateInput.reports_changes_now` says which).
"""

from __future__ import annotations

import inspect

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from . import active, register


def _fits() -> bool:
    watcher = vars(Input).get("_watch_value")
    return callable(watcher) and list(inspect.signature(watcher).parameters) == ["self", "value"]


register("filter_now", "a filter keystroke narrows the list in the field's own frame", _fits)


class ImmediateInput(Input):
    """An Input whose subclass hears of each change at once (see the module's docstring)."""

    @staticmethod
    def reports_changes_now() -> bool:
        return active("filter_now")

    def value_changed_now(self, value: str) -> None:
        """Called from inside the change, when :meth:`reports_changes_now`."""

    def _watch_value(self, value: str) -> None:
        if not active("filter_now"):
            super()._watch_value(value)
            return
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
        self.value_changed_now(value)
