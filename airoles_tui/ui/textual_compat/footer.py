"""The footer, rebuilt only when the keys it shows change, once per burst of changes.

Textual's Footer recomposes on every bindings signal, and start-up and each pane switch send
several in a row (focus moves, screen resume, pane activation); most leave the shown keys as
they were. :class:`KeysFooter` keeps one recompose pending at a time, and runs it only when
the keys it would show differ from the last. It replaces ``Footer.bindings_changed``, which
also marks the private ``_bindings_ready`` that Footer's compose waits for.

Each key binds the footer's ``compact`` (``data_bind``), which puts the key in the footer's
watcher list; Textual drops a closed watcher only when that value changes, and ``compact``
never does, so every recompose kept the keys it removed, for the life of the session
(https://github.com/Textualize/textual/issues/6666). The footer prunes its list after each
rebuild.

:func:`keys_footer` gives :class:`OrderedFooter` when the patch is not in force: Textual's own
Footer, rebuilt on every signal as Textual does, but with the keys a pane is built around
first. The order is public API (compose, ``Screen.active_bindings``), so it holds with every
patch off: at 80 columns the designer's e, g, v and save stay in view.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer

from . import active, register


def _fits() -> bool:
    return (isinstance(vars(Footer).get("_bindings_ready"), Reactive)
            and callable(vars(Footer).get("bindings_changed")))


register("footer", "the footer is rebuilt only when its keys change, and lets go of old keys",
         _fits)


def keys_footer(first: tuple[str, ...] = (), **kwargs: Any) -> Footer:
    """The footer for a screen: ours when the patch is in force, else Textual's own with
    ``first`` first (public API only)."""
    return KeysFooter(first, **kwargs) if active("footer") else OrderedFooter(first, **kwargs)


class OrderedFooter(Footer):
    """Textual's Footer with chosen keys first; uses public API only. Says when it has
    mounted a set of keys (:class:`KeysShown`)."""

    class KeysShown(Message):
        """The footer has mounted its keys: the next refresh draws them. Start-up waits for
        this to know its first screen is whole (the footer fills in after the first
        refresh), instead of looking at the footer on every refresh until keys appear."""

        def __init__(self, footer: OrderedFooter) -> None:
            super().__init__()
            self.footer = footer

    def __init__(self, first: tuple[str, ...] = (), **kwargs: Any) -> None:
        """``first``: binding ids shown before all others, in this order. At 80 columns the
        footer cuts off at the right, and the keys a pane is built around must not be the
        ones cut (the designer's e, g, v were only found through ?)."""
        super().__init__(**kwargs)
        self.first = {ident: rank for rank, ident in enumerate(first)}

    def compose(self):
        widgets = list(super().compose())
        if not self.first:
            return widgets
        ids = {key: binding.id for key, (_node, binding, _on, _tip)
               in self.screen.active_bindings.items()}
        last = len(self.first)

        def rank(widget) -> int:
            if widget.has_class("-command-palette"):  # docked at the right edge anyway
                return last + 1
            return self.first.get(ids.get(getattr(widget, "key", "")) or "", last)

        return sorted(widgets, key=rank)  # stable: the rest keep Textual's order

    async def recompose(self) -> None:
        """Both rebuilds (Textual's on each bindings signal, KeysFooter's on a change of
        keys) come through here."""
        await super().recompose()
        if self.children:
            self.post_message(self.KeysShown(self))


class KeysFooter(OrderedFooter):
    """An OrderedFooter rebuilt once per burst of binding signals, when its keys change."""

    _recompose_pending = False
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._recompose_pending:
            return
        if self.is_attached and screen is self.screen:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_now)

    def _keys(self) -> tuple:
        """What compose() would draw: each shown binding with its label and state."""
        app = self.app
        return tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action,
             enabled, tooltip, binding.group)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        ) + (self.compact, self.show_command_palette)

    async def _recompose_now(self) -> None:
        self._recompose_pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
        self._forget_removed_keys()

    def _forget_removed_keys(self) -> None:
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers
                           if node.is_attached and not getattr(node, "_closing", False)]
