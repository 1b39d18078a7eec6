"""The footer, rebuilt only when the keys it shows change, once per burst of changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer recomposes (~13 ms, a footer line of bytes, a re-layout) on every
    bindings signal, and start-up and each pane switch send several in a row: focus moves,
    screen resume, pane activation. Most leave the shown keys as they were. So one recompose
    is pending at a time, and it runs only when the keys it would show differ from the last.
    """

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
        """Each key binds the footer's ``compact`` (``data_bind``), which puts the key in the
        footer's watcher list; Textual drops a closed watcher only when that value changes,
        and ``compact`` never does. So every recompose kept the keys it removed (~8 widgets
        a pane switch, for the life of the session)."""
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers
                           if node.is_attached and not node._closing]
