"""The footer every screen shows: :func:`keys_footer` gives the app's KeysFooter (rebuilt only
when its keys change) or, with that patch off, Textual's own Footer. Both live behind the one
door to Textual's internals, ui/textual_compat/footer. Either posts OrderedFooter.KeysShown
when it has mounted its keys."""

from __future__ import annotations

from ..textual_compat.footer import KeysFooter, OrderedFooter, keys_footer

__all__ = ["KeysFooter", "OrderedFooter", "keys_footer"]
