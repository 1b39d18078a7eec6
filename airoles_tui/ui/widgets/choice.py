"""A Select you can type into, for every choice list of the app (roles, seniority, structure).

Textual's Select searches as you type only once its menu is open, and only through prompts
that are plain strings or Rich Text: ours are literal Content (user and catalog text is
never markup), which its search skips. So the prompts go in as Rich Text (``label()``), a
letter typed on the closed Select opens the menu and searches there ("ml" reaches ML
Engineer), and a letter never falls through to an app key (``q`` quitting, ``1`` switching
panes) while a choice has focus. A choice made in the menu posts ``Picked``, which a form
uses to move on to the next field, as enter in an Input does.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Select

from .text import label


Choices = list[tuple[Text, str]]  # (shown text, value), as Select takes them


def choices(pairs: Iterable[tuple[str, str]]) -> Choices:
    """(shown text, value) pairs as Select options whose text is searchable and literal."""
    return [(label(text), value) for text, value in pairs]


class ChoiceSelect(Select):
    """Select with type-to-search on the closed widget and a ``Picked`` message."""

    class Picked(Message):
        """The user chose an option in the menu (enter or a click), not a program."""

        def __init__(self, select: ChoiceSelect) -> None:
            super().__init__()
            self.select = select

        @property
        def control(self) -> ChoiceSelect:
            return self.select

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        # A printable key is a search here: app and pane letter keys must not see it.
        return self._searches(character)

    def _searches(self, character: str | None) -> bool:
        # Space opens the closed list (Select's own key); once it is open, a space is part
        # of what is typed ("AI P" for AI Product Manager), even when it arrives before the
        # open list has taken focus.
        return (character is not None and character.isprintable()
                and (character != " " or self.expanded))

    def on_key(self, event: events.Key) -> None:
        if not (event.is_printable and self._searches(event.character)):
            return
        event.stop()
        event.prevent_default()
        if not self.expanded:
            self.action_show_overlay()
        overlay = self.query_one("SelectOverlay")
        # After the overlay takes focus (queued by show_overlay): taking focus clears its
        # search, which must not eat this first letter.
        self.app.call_later(overlay.post_message, events.Key(event.key, event.character))

    def on_select_overlay_update_selection(self, _event: Message) -> None:
        # Select handles the choice itself (after this); the form only needs to know that
        # the user made one.
        self.post_message(self.Picked(self))
