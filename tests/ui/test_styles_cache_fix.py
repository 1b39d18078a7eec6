"""get_inner_outer answers as Textual's does and no longer keeps its StylesCache alive."""

from __future__ import annotations

import gc

from textual._styles_cache import StylesCache
from textual.color import Color

from airoles_tui.ui.textual_compat import styles_cache_fix

COLOURS = [Color(0, 0, 0), Color(10, 20, 30), Color(200, 100, 50, 0.5), Color(255, 255, 255, 0.1)]


def test_the_answer_is_textuals() -> None:
    assert styles_cache_fix.install()
    original = styles_cache_fix.replaced
    assert original is not None
    cache = StylesCache()
    for base in COLOURS:
        for background in COLOURS:
            assert (cache.get_inner_outer(base, background)
                    == original(cache, base, background))


def test_a_styles_cache_is_freed_once_its_widget_is_gone() -> None:
    assert styles_cache_fix.install()
    caches = [StylesCache() for _ in range(20)]
    for cache in caches:
        cache.get_inner_outer(COLOURS[1], COLOURS[2])
    marked = {id(c) for c in caches}
    del caches, cache
    gc.collect()
    left = [o for o in gc.get_objects() if isinstance(o, StylesCache) and id(o) in marked]
    assert left == []  # Textual's lru_cache on the method kept each one (up to 1,024)
