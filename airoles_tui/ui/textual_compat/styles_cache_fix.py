"""Stop Textual's StylesCache.get_inner_outer from keeping dead widgets' line caches alive.

In Textual 8.2.x ``get_inner_outer`` is an instance method under ``@lru_cache(1024)`` (its
first parameter is named ``cls``, but it is not a classmethod), so every cache entry holds
the StylesCache it was called on, and with it all the rendered lines that widget cached. A
widget removed long ago (each footer rebuild removes several) stays in memory until 1,024
newer calls push it out, so a session grew with every pane switch
(https://github.com/Textualize/textual/issues/6665). The answer depends only on the two
colours, so here it is cached on them alone.

Installed only over the lru_cache'd method it was written against; otherwise nothing changes.
"""

from __future__ import annotations

from functools import lru_cache

from typing import Any

from textual.color import Color
from textual.style import Style

from . import register


@lru_cache(1024)
def inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """Textual's get_inner_outer, body unchanged."""
    return (
        Style(background=base_background + background),
        Style(background=base_background),
    )


def _get_inner_outer(self: Any, base_background: Color,
                     background: Color) -> tuple[Style, Style]:
    return inner_outer(base_background, background)


def _styles_cache() -> Any:
    """Textual's StylesCache class, or None where it is not where it was."""
    try:
        from textual._styles_cache import StylesCache
    except ImportError:
        return None
    return StylesCache


def _fits() -> bool:
    cls = _styles_cache()
    current = vars(cls).get("get_inner_outer") if cls is not None else None
    return current is _get_inner_outer or hasattr(current, "cache_clear")


def install() -> bool:
    """Replace the method; False (and nothing changed) if it is not the one expected."""
    if not _fits():
        return False
    cls = _styles_cache()
    current = vars(cls)["get_inner_outer"]
    if current is _get_inner_outer:
        return True
    global replaced
    replaced = current
    cls.get_inner_outer = _get_inner_outer
    current.cache_clear()  # let go of the instances it holds already
    return True


register("styles_cache_fix", "removed widgets' lines are not kept alive by a cache", _fits,
         install)


replaced = None  # Textual's own method, once installed (the test compares the two)
