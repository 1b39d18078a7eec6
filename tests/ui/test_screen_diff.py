"""ScreenDiff against Textual's own output: after any run of updates, a terminal fed the diff
shows exactly what a terminal fed Textual's full writes shows, in fewer bytes."""

from __future__ import annotations

import random
import sys

import pyte
import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip

from airoles_tui.ui.textual_compat.screen_diff import ScreenDiff, _parse, sgr_change

W, H, CUT = 24, 6, 11
# Wide, and combining (inside a segment and starting one: a piece written whole).
TEXTS = ["ab", "cde ", "漢字", "e\u0301x", "   ", "▏", "wxyz", "—·", "\u0301y"]
STYLES = [None, Style(color="color(253)", bgcolor="color(233)"),
          Style(bold=True, color="color(214)", bgcolor="color(233)"),
          Style(reverse=True, color="color(23)", bgcolor="color(16)"),
          Style(italic=True, underline=True), Style(bgcolor="color(234)"),
          Style(dim=True, color="red"), Style(bold=True, reverse=True)]


def console() -> Console:
    return Console(color_system="256", force_terminal=True, width=W, height=H)


def random_strip(rng: random.Random, width: int) -> Strip:
    segments = [Segment(rng.choice(TEXTS), rng.choice(STYLES))
                for _ in range(rng.randint(0, 6))]
    # A style shared by neighbours (as in a repainted line) and a meta-only difference, which
    # Textual writes as two sequences and the diff need not.
    style = rng.choice(STYLES)
    if style is not None and rng.random() < 0.3:
        segments += [Segment("mm", style), Segment("nn", style + Style(meta={"@click": "x"}))]
    # The last cell is a blank: pyte, the reference terminal, wraps a combining character
    # written after the last column onto the next line, where a real terminal joins it.
    fill = rng.choice(STYLES)
    return Strip(segments).adjust_cell_length(width - 1, fill).extend_cell_length(width, fill)


def random_update(rng: random.Random):
    if rng.random() < 0.3:
        return LayoutUpdate([[random_strip(rng, CUT), random_strip(rng, W - CUT)]
                             for _ in range(H)], Region(0, 0, W, H))
    chops, spans = [], []
    for y in range(H):
        left = random_strip(rng, CUT) if rng.random() < 0.6 else None
        right = random_strip(rng, W - CUT) if rng.random() < 0.6 else None
        chops.append({0: left, CUT: right})
        if left is not None and right is not None:
            spans.append((y, 0, W))
        elif left is not None:
            spans.append((y, rng.randint(0, CUT - 1), CUT))
        elif right is not None:
            spans.append((y, CUT, W))
    if not spans:
        return None
    return ChopsUpdate(chops, spans, [[CUT, W]] * H)


def terminal() -> tuple[pyte.Screen, pyte.ByteStream]:
    screen = pyte.Screen(W, H)
    return screen, pyte.ByteStream(screen)


def cells(screen: pyte.Screen) -> list[list[tuple]]:
    return [[tuple(screen.buffer[y][x]) for x in range(W)] for y in range(H)]


@pytest.mark.parametrize("seed", range(40))
def test_the_diffed_terminal_shows_what_textual_would_have_written(seed: int) -> None:
    rng = random.Random(seed)
    con = console()
    textual_screen, textual_stream = terminal()
    diff_screen, diff_stream = terminal()
    diff = ScreenDiff()
    textual_bytes = diff_bytes = 0
    for step in range(12):
        update = random_update(rng)
        if update is None:
            continue
        reference = update.render_segments(con).encode()
        ours = diff.update(update, W, H, con).encode()
        textual_bytes += len(reference)
        diff_bytes += len(ours)
        textual_stream.feed(reference)
        diff_stream.feed(ours)
        assert cells(diff_screen) == cells(textual_screen), f"seed {seed}, update {step}"
    assert diff_bytes < textual_bytes


def test_an_update_that_changes_nothing_writes_nothing(monkeypatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "TEXTS", [t for t in TEXTS if t != "\u0301y"])
    rng = random.Random(1)
    con = console()
    update = LayoutUpdate([[random_strip(rng, W)] for _ in range(H)], Region(0, 0, W, H))
    diff = ScreenDiff()
    assert diff.update(update, W, H, con)
    assert diff.update(update, W, H, con) == ""


def test_one_changed_cell_is_one_cursor_move_and_the_cell() -> None:
    con = console()
    style = Style(color="color(253)", bgcolor="color(233)")
    before = [Strip([Segment("hello world".ljust(W), style)]) for _ in range(H)]
    after = list(before)
    after[3] = Strip([Segment("hello World".ljust(W), style)])
    diff = ScreenDiff()
    diff.update(LayoutUpdate([[s] for s in before], Region(0, 0, W, H)), W, H, con)
    out = diff.update(LayoutUpdate([[s] for s in after], Region(0, 0, W, H)), W, H, con)
    assert out == "\x1b[4;7H\x1b[38;5;253;48;5;233mW\x1b[0m"


def test_invalidate_and_a_new_size_write_every_cell_again() -> None:
    rng = random.Random(2)
    con = console()
    update = LayoutUpdate([[random_strip(rng, W)] for _ in range(H)], Region(0, 0, W, H))
    diff = ScreenDiff()
    first = diff.update(update, W, H, con)
    diff.invalidate()  # ctrl+l, a resize, a resumed process: the terminal may show anything
    assert diff.update(update, W, H, con) == first
    assert diff.update(update, W, H - 1, con)  # a different size: nothing vouched for


@pytest.mark.parametrize("odd", ["❤\ufe0f", "👨\u200d💻", "\u0301z"])
def test_text_measured_unlike_its_characters_goes_out_whole_where_textual_lays_it(
        odd: str) -> None:
    """An emoji sequence, a lone combining mark or a control character: rich's width (which
    Textual lays out by) is not one cell per character. The piece goes out as Textual
    writes it, and what follows keeps Textual's columns."""
    con = console()
    bold = Style(bold=True)
    piece = Strip([Segment(odd), Segment("a", bold), Segment(" " * 8)])
    after = Strip([Segment(odd), Segment("X", bold), Segment(" " * 8)])
    rest = [[Strip.blank(W - piece.cell_length)]]
    diff = ScreenDiff()
    for strip in (piece, after):
        update = LayoutUpdate([[strip, *rest[0]]] + [[Strip.blank(W)]] * (H - 1),
                              Region(0, 0, W, H))
        out = diff.update(update, W, H, con)
        assert strip.render(con) in out  # the whole piece, exactly as Textual renders it
    assert "\x1b[1;1H" in out
    # Nothing of it is trusted: the piece is written again with the next update of its line.
    assert strip.render(con) in diff.update(update, W, H, con)


def test_a_control_character_takes_no_column_as_in_textuals_layout() -> None:
    con = console()
    bold = Style(bold=True)
    diff = ScreenDiff()
    for last in "aX":  # rich gives BEL no width: the next cell is column 3, not 4
        strip = Strip([Segment("a\x07b"), Segment(last, bold), Segment(" " * (W - 3))])
        out = diff.update(LayoutUpdate([[strip]] + [[Strip.blank(W)]] * (H - 1),
                                       Region(0, 0, W, H)), W, H, con)
    assert out == "\x1b[1;3H\x1b[1mX\x1b[0m"


def test_a_hyperlink_is_written_as_textual_writes_it_every_time() -> None:
    con = console()
    link = Style(link="https://example.org", color="color(39)")
    strip = Strip([Segment("see", link), Segment(" " * (W - 3))])
    update = LayoutUpdate([[strip]] + [[Strip.blank(W)] for _ in range(H - 1)],
                          Region(0, 0, W, H))
    diff = ScreenDiff()
    diff.update(update, W, H, con)
    again = diff.update(update, W, H, con)
    assert "\x1b]8;" in again and "see" in again  # a link's cells are never vouched for


@pytest.mark.parametrize("pen, sgr, expected", [
    ("38;5;253;48;5;233", "38;5;214;48;5;233", "\x1b[38;5;214m"),  # only what differs
    ("38;5;253;48;5;233", "1;38;5;253;48;5;233", "\x1b[1m"),
    ("1;38;5;253", "38;5;253", "\x1b[0;38;5;253m"),  # bold must go off: reset first
    ("38;5;253;48;5;233", "48;5;233", "\x1b[39m"),  # back to the default colour
    ("7;38;2;1;2;3", "7;38;2;1;2;4;49", "\x1b[38;2;1;2;4;49m"),
    ("1", "", "\x1b[0m"),
])
def test_an_sgr_change_sends_only_what_differs(pen: str, sgr: str, expected: str) -> None:
    assert sgr_change(pen, sgr) == expected


def test_sgr_parsing_knows_colours_from_attributes() -> None:
    assert _parse("1;7;38;5;23;48;2;0;0;0") == (frozenset({"1", "7"}), "38;5;23", "48;2;0;0;0")
    assert _parse("91;104;4") == (frozenset({"4"}), "91", "104")
