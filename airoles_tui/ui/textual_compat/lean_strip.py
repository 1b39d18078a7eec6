"""Textual's Strip (one line of a widget) without seven empty caches per line.

``Strip.__init__`` makes seven ``FIFOCache`` objects for every line it creates, each with its
own dict, and the compositor makes several strips per screen line per widget (a widget's
lines, then one per cut where widgets meet), which it keeps. Most caches
stay empty all their life. Here each cache is made the first time a method looks it up, as
Textual's own ``Content`` does for its divide cache; what a strip computes is unchanged.

Installed only when ``Strip`` has exactly the slots this was written against (Textual
8.2.x): on any other layout it leaves Textual alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from textual.cache import FIFOCache
from textual.strip import Strip

from . import register

CACHES = {"_divide_cache": 4, "_crop_cache": 16, "_style_cache": 16, "_filter_cache": 4,
          "_line_length_cache": 4, "_crop_extend_cache": 4, "_offsets_cache": 4}
PLAIN = ("_segments", "_cell_length", "_render_cache", "_link_ids", "_cell_count")


def _init(self: Strip, segments: Iterable[Segment], cell_length: int | None = None) -> None:
    self._segments = list(segments)
    self._cell_length = cell_length
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None


def _cache_on_first_use(self: Strip, name: str) -> FIFOCache:
    # Called only for a slot never set: a cache asked for the first time.
    size = CACHES.get(name)
    if size is None:
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
    cache: FIFOCache = FIFOCache(size)
    setattr(self, name, cache)
    return cache


_original_init = Strip.__init__


def _fits() -> bool:
    return Strip.__init__ is _init or (
        set(getattr(Strip, "__slots__", ())) == set(CACHES) | set(PLAIN)
        and "__getattr__" not in vars(Strip))


def install() -> bool:
    """Make Strip lean; False (and nothing changed) if Strip is not the one expected."""
    if Strip.__init__ is _init:
        return True
    if not _fits():
        return False
    # setattr: a patch of the class at run time, which a type checker rightly refuses to see
    # as an ordinary assignment.
    setattr(Strip, "__init__", _init)
    setattr(Strip, "__getattr__", _cache_on_first_use)
    return True


register("lean_strip", "a widget's line makes its caches on first use", _fits, install)


def uninstall() -> None:
    """Textual's own Strip again (for the test that compares the two)."""
    setattr(Strip, "__init__", _original_init)
    if "__getattr__" in vars(Strip):
        delattr(Strip, "__getattr__")
