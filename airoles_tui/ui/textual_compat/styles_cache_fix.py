"""Stop Textual's StylesCache.get_inner_outer from keeping dead widgets' line caches alive.

In Textual 8.2.x ``get_inner_outer`` is an instance method under ``@lru_cache(1024)`` (its
first parameter is named ``cls``, but it is not a classmethod), so every cache entry holds
the StylesCache it was called on, and with it all the rendered lines that widget cached. A
widget removed long ago (each footer rebuild removes eight) stays in memory until 1,024
newer calls push it out: a session grew ~5 MiB over sixty pane switches this way. The
answer depends only on the two colours, so here it is cached on them alone.

Installed only over the lru_cache'd method it was written against; otherwise nothing changes.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """Textual's get_inner_outer, body unchanged."""
    return (
        Style(background=base_background + background),
        Style(background=base_background),
    )


def _get_inner_outer(self: StylesCache, base_background: Color,
                     background: Color) -> tuple[Style, Style]:
    return inner_outer(base_background, background)


def install() -> bool:
    """Replace the method; False (and nothing changed) if it is not the one expected."""
    current = StylesCache.__dict__.get("get_inner_outer")
    if current is _get_inner_outer:
        return True
    if not hasattr(current, "cache_clear"):
        return False
    global replaced
    replaced = current
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign]
    current.cache_clear()  # let go of the instances it holds already
    return True


replaced = None  # Textual's own method, once installed (the test compares the two)
