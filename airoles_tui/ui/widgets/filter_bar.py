"""The `/` filter that every list shares: type to narrow, enter or down to go back, esc to clear."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.message import Message

from ..textual_compat.filter_now import ImmediateInput
from .fields import Input


class FilterBar(ImmediateInput, Input):
    """A one-line filter field, hidden until `/` is pressed in the list it narrows.

    It calls ``on_change`` with the stripped text as it changes: from inside the keystroke's
    own handler where the filter_now patch allows, so the field and the list repaint in one
    frame; else on Input's Changed message. It posts ``Done`` when the user goes back to the
    list (keeping the filter) and ``Cleared`` when esc empties it, so the owning pane decides
    where focus goes.
    """

    DEFAULT_CSS = """
    FilterBar {
        display: none;
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    FilterBar.-shown { display: block; }
    FilterBar:focus { border: none; background: $boost; text-style: underline; }
    """

    BINDINGS = [
        Binding("escape", "clear", "Clear filter", id="filter.clear"),
        Binding("ctrl+u", "clear", "Clear filter", show=False, id="filter.clear-alt"),
        Binding("down", "done", "Back to list", id="filter.done"),
        Binding("enter", "done", "Back to list", show=False, id="filter.done-enter"),
    ]

    class _BarMessage(Message):
        def __init__(self, bar: FilterBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> FilterBar:
            return self.bar

    class Done(_BarMessage):
        """The user is back on the list; the filter stays."""

    class Cleared(_BarMessage):
        """The filter was emptied and closed."""

    def __init__(self, placeholder: str = "Filter…", *,
                 on_change: Callable[[str], None] | None = None, **kwargs) -> None:
        super().__init__(placeholder=placeholder, **kwargs)
        # A blinking cursor wakes the app twice a second and repaints over SSH for nothing.
        self.cursor_blink = False
        self._notify = on_change
        self._quiet = False

    def value_changed_now(self, value: str) -> None:
        if self._notify is not None and not self._quiet:
            self._notify(value.strip())

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self and not self.reports_changes_now():
            self.value_changed_now(event.value)

    def open(self) -> None:
        self.add_class("-shown")
        # Focus now, not via call_later: over SSH "/air" often arrives in one read, and
        # the keys after "/" must land in the filter, not in the list.
        self.screen.set_focus(self)

    def reset(self) -> None:
        """Empty and hide the bar without a word to the list: for a caller that refills the
        list itself and moves its cursor (Cleared, arriving later, would move it back)."""
        self._quiet = True
        try:
            with self.prevent(self.Changed, self.Cleared):
                self.value = ""
        finally:
            self._quiet = False
        self.remove_class("-shown")

    def action_clear(self) -> None:
        self.value = ""
        self.remove_class("-shown")
        self.post_message(self.Cleared(self))

    def action_done(self) -> None:
        if not self.value:
            self.remove_class("-shown")
        self.post_message(self.Done(self))
