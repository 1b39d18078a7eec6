"""The lean Strip computes what Textual's own Strip computes, cached calls included."""

from __future__ import annotations

import random
import tracemalloc

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from airoles_tui.ui.textual_compat import lean_strip

STYLES = [None, Style(color="red"), Style(bold=True, bgcolor="blue"), Style(underline=True),
          Style(link="https://example.org")]
TEXTS = ["ab", "cde ", "漢字", "  ", "xyz", "—"]


def random_segments(rng: random.Random) -> list[Segment]:
    return [Segment(rng.choice(TEXTS), rng.choice(STYLES)) for _ in range(rng.randint(0, 6))]


def results(segments: list[Segment], rng: random.Random) -> list:
    """Every operation whose result Textual caches on the strip, each asked twice."""
    console = Console(color_system="256", force_terminal=True)
    strip = Strip(segments)
    width = strip.cell_length
    a, b = sorted(rng.randint(0, width + 2) for _ in range(2))
    out = []
    for _ in range(2):  # the second round answers from the caches
        out += [
            strip.crop(a, b), strip.divide([a, b, width + 3]),
            strip.crop_extend(a, b + 3, Style(italic=True)),
            strip.adjust_cell_length(b, Style(bgcolor="red")),
            strip.extend_cell_length(width + 2), strip.apply_style(Style(dim=True)),
            strip.apply_offsets(a, b), strip.simplify(), strip.discard_meta(),
            strip.text, strip.cell_length, strip.render(console), strip.link_ids,
            strip.style_links("x", Style(bold=True)),
        ]
    return [list(r) if isinstance(r, Strip) else
            [list(s) for s in r] if isinstance(r, list) else r for r in out]


@pytest.fixture
def textual_strip():
    lean_strip.uninstall()
    yield
    assert lean_strip.install()


@pytest.mark.parametrize("seed", range(30))
def test_lean_strips_compute_what_textuals_strips_compute(seed: int, textual_strip) -> None:
    segments = random_segments(random.Random(seed))
    expected = results(segments, random.Random(seed))
    assert lean_strip.install()
    assert results(segments, random.Random(seed)) == expected
    lean_strip.uninstall()


def test_a_strip_makes_no_cache_until_one_is_used() -> None:
    assert lean_strip.install()
    strip = Strip([Segment("hello")])
    with pytest.raises(AttributeError):
        object.__getattribute__(strip, "_crop_cache")  # not made yet
    strip.crop(1, 3)
    assert object.__getattribute__(strip, "_crop_cache")  # made on first use, and holds it
    with pytest.raises(AttributeError):
        strip.no_such_attribute  # noqa: B018 - other names still fail as they should


def test_a_lean_strip_is_a_fraction_of_the_size(textual_strip) -> None:
    def size_of_many() -> int:
        tracemalloc.start()
        strips = [Strip([Segment("hello world")]) for _ in range(1000)]
        size = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del strips
        return size

    fat = size_of_many()
    assert lean_strip.install()
    lean = size_of_many()
    lean_strip.uninstall()
    assert lean < fat / 3  # ~1.3 KB a strip less
