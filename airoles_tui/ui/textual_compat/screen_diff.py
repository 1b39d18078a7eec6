"""Write only the cells that change: what curses' doupdate does, for Textual's output.

Textual repaints a widget by rewriting its whole region, whatever the terminal already shows
there. Over SSH those bytes are the cost: a pane switch repainted the new pane and then, a
frame or two later, the same pane again as hidden widgets settled (several screens' worth
of bytes); a cursor move in the role tree rewrote each changed line of the card in full.

:class:`ScreenDiff` keeps a copy of what the terminal shows, one cell at a time (the
character and the SGR sequence that styles it, the very sequence Textual would write), and
turns each compositor update into writes of the cells that differ. Runs of one style are
written under one SGR sequence, where Textual writes one per segment. What the copy cannot
vouch for (first frame, a resize, ctrl+l, a resumed process, a cell written with a control
segment) is marked unknown and written in full.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, RenderableType
from rich.segment import Segment
from textual.app import App, ReturnType
from textual.geometry import Offset
from textual.screen import Screen
from textual.strip import Strip

from . import active, register

if TYPE_CHECKING:  # the pinned Textual's, which mypy checks the patch against
    from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
else:
    try:
        from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
    except ImportError:  # moved or gone: the patch does not fit, Textual writes every cell
        ChopsUpdate = CompositorUpdate = LayoutUpdate = None

UNKNOWN = None  # a cell whose content on the terminal we cannot vouch for
WIDE_TAIL = ""  # the second cell of a double-width character
# Unchanged cells between two changed runs are rewritten rather than jumped over when that
# is shorter than the cursor move (ESC [ row ; col H: 6-8 bytes).
JOIN_GAP = 6


_FG = {str(n) for n in (*range(30, 38), *range(90, 98), 39)}
_BG = {str(n) for n in (*range(40, 48), *range(100, 108), 49)}
_parsed: dict[str, tuple[frozenset[str], str, str]] = {}


def _parse(sgr: str) -> tuple[frozenset[str], str, str]:
    """An SGR parameter string (as Strip.render_ansi makes it) as (attributes, fg, bg)."""
    if (known := _parsed.get(sgr)) is not None:
        return known
    attrs, fg, bg = set(), "", ""
    tokens = sgr.split(";") if sgr else []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("38", "48"):
            n = 3 if tokens[i + 1] == "5" else 5  # 38;5;N or 38;2;R;G;B
            code = ";".join(tokens[i:i + n])
            if tok == "38":
                fg = code
            else:
                bg = code
            i += n
            continue
        if tok in _FG:
            fg = tok
        elif tok in _BG:
            bg = tok
        else:
            attrs.add(tok)
        i += 1
    known = _parsed[sgr] = (frozenset(attrs), fg, bg)
    return known


def sgr_change(pen: str, sgr: str) -> str:
    """The shortest SGR sequence from attributes ``pen`` to ``sgr`` (both render_ansi
    strings): only what differs, unless an attribute must go off (then a reset first)."""
    old_attrs, old_fg, old_bg = _parse(pen)
    attrs, fg, bg = _parse(sgr)
    if not old_attrs <= attrs:
        return f"\x1b[0;{sgr}m" if sgr else "\x1b[0m"
    codes = sorted(attrs - old_attrs, key=int)
    if fg != old_fg:
        codes.append(fg or "39")
    if bg != old_bg:
        codes.append(bg or "49")
    return f"\x1b[{';'.join(codes)}m"


class TextUpdate(CompositorUpdate):
    """An update already turned into terminal sequences."""

    def __init__(self, text: str) -> None:
        self.text = text

    def render_segments(self, console: Console) -> str:
        return self.text


def _cells(text: str) -> list[str]:
    """One string per terminal cell: zero-width characters join the cell before them, a
    double-width one is followed by a WIDE_TAIL cell."""
    cells: list[str] = []
    for ch in text:
        width = get_character_cell_size(ch)
        if width == 0 and cells:
            # Joins the character's cell: a wide one's first, not its WIDE_TAIL.
            cells[-2 if cells[-1] == WIDE_TAIL else -1] += ch
        elif width == 2:
            cells += (ch, WIDE_TAIL)
        else:
            cells.append(ch)
    return cells


# The last line of defence: a control character that reached a strip (a widget that did not
# go through controls.visible) is dropped on its way out. Such characters are zero cells
# wide, so the layout is unchanged; raw, they were a clipboard write or a cleared screen.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _without_controls(strip: Strip) -> Strip:
    segments = strip._segments
    if not any(not control and _CONTROL.search(text) for text, _, control in segments):
        return strip
    return Strip([Segment(_CONTROL.sub("", text), style) if not control else
                  Segment(text, style, control) for text, style, control in segments],
                 strip.cell_length)


def _pieces(update: CompositorUpdate) -> Iterator[tuple[int, int, Strip]]:
    """(y, x, strip) for each strip the update writes, as its own render_segments does."""
    if isinstance(update, LayoutUpdate):
        for y, line in enumerate(update.strips, update.region.y):
            x = update.region.x
            for strip in line:
                yield y, x, strip
                x += strip.cell_length
    elif isinstance(update, ChopsUpdate):
        chops, chop_ends = update.chops, update.chop_ends
        for y, x1, x2 in update.spans:
            for end, (x, chop) in zip(chop_ends[y], chops[y].items()):
                if chop is None or x > x2 or end <= x1:
                    continue
                if not (x2 > x >= x1 and end <= x2):
                    chop = chop.crop(0, min(end, x2) - x)
                yield y, x, chop
    else:
        raise TypeError(f"unexpected update {type(update).__name__}")


class ScreenDiff:
    """The terminal's cells as last written, and the diff of each update against them."""

    def __init__(self) -> None:
        self.width = 0
        self.height = 0
        self._chars: list[list[str | None]] = []
        self._sgr: list[list[str | None]] = []

    def invalidate(self) -> None:
        """The terminal may show anything now (ctrl+l, resize, resumed): write all again."""
        self.width = self.height = 0

    def _fit(self, width: int, height: int) -> None:
        if (width, height) != (self.width, self.height):
            self.width, self.height = width, height
            self._chars = [[UNKNOWN] * width for _ in range(height)]
            self._sgr = [[UNKNOWN] * width for _ in range(height)]

    def update(self, update: CompositorUpdate, width: int, height: int,
               console: Console) -> str:
        """The terminal sequences that bring the screen to the update's content."""
        self._fit(width, height)
        color_system = console._color_system  # as Strip.render uses it
        ansi_of = Strip.render_ansi
        changed: dict[int, set[int]] = {}
        verbatim: dict[int, list[tuple[int, str]]] = {}
        joined: list[tuple[int, int]] = []
        for y, x, strip in _pieces(update):
            if not 0 <= y < height:
                continue
            strip = _without_controls(strip)
            chars, sgrs = self._chars[y], self._sgr[y]
            dirty = changed.setdefault(y, set())
            # Columns advance as Textual lays the text out (rich's cell_len). A piece with a
            # segment whose cells we cannot tell apart the same way (emoji sequences, a
            # segment that starts with a combining mark or control character) or a hyperlink
            # goes out whole, as Textual writes it, and its cells stay unvouched for.
            plan = []
            whole = False
            for text, style, control in strip._segments:
                if control:  # not a cell's content: never expected from the compositor
                    continue
                cols = cell_len(text)
                cells = list(text) if text.isascii() and cols == len(text) else _cells(text)
                whole = whole or len(cells) != cols or (style is not None and
                                                        bool(style._link))
                plan.append((cells, style, cols))
            if whole:
                end = min(x + strip.cell_length, width)
                verbatim.setdefault(y, []).append(
                    (x, f"\x1b[{y + 1};{x + 1}H" + strip.render(console)))
                chars[x:end] = [UNKNOWN] * max(end - x, 0)
                sgrs[x:end] = [UNKNOWN] * max(end - x, 0)
                # A combining mark that starts the piece joins the cell before it (at the
                # left edge, some terminals join the previous line's last cell).
                if x > 0:
                    joined.append((y, x - 1))
                elif y > 0:
                    joined.append((y - 1, width - 1))
                continue
            for cells, style, cols in plan:
                end = min(x + cols, width)
                span = max(end - x, 0)
                if style is None:
                    sgr = ""
                elif (cached := style._ansi) is not None:
                    sgr = cached
                else:
                    sgr = ansi_of(style, color_system)
                if chars[x:end] == cells[:span] and sgrs[x:end] == [sgr] * span:
                    x += cols
                    continue
                for i in range(span):
                    if chars[x + i] != cells[i] or sgrs[x + i] != sgr:
                        chars[x + i] = cells[i]
                        sgrs[x + i] = sgr
                        dirty.add(x + i)
                x += cols
        out = self._render(changed, verbatim)
        for y, x in joined:  # written (or not) as it was; what it shows is unsure now
            self._chars[y][x] = self._sgr[y][x] = UNKNOWN
        return out

    def _render(self, changed: dict[int, set[int]],
                verbatim: dict[int, list[tuple[int, str]]]) -> str:
        out: list[str] = []
        pen = ""  # the SGR attributes in force: Textual leaves none set between writes
        for y in sorted(changed):
            xs = sorted(changed[y])
            # Typed as known cells: the runs below, which are all that is read of them,
            # stop before an UNKNOWN cell (pieces with unknown cells go out verbatim).
            chars = cast("list[str]", self._chars[y])
            sgrs = cast("list[str]", self._sgr[y])
            runs = []
            if xs:
                start = prev = xs[0]
                for x in xs[1:]:
                    gap = range(prev + 1, x)
                    if x - prev - 1 > JOIN_GAP or any(chars[g] is UNKNOWN for g in gap):
                        runs.append((start, prev + 1))
                        start = x
                    prev = x
                runs.append((start, prev + 1))
            # Left to right, pieces written whole included: a combining mark at the start of
            # one joins the cell before it, which must be written first.
            items: list[tuple[int, int, int | str]] = [(a, 0, b) for a, b in runs]
            items += [(x, 1, text) for x, text in verbatim.get(y, ())]
            for a, _kind, b in sorted(items, key=lambda item: item[:2]):
                if isinstance(b, str):  # a piece written whole; it resets the attributes after
                    if pen:
                        out.append("\x1b[0m")
                        pen = ""
                    out.append(b)
                    continue
                while a > 0 and chars[a] == WIDE_TAIL:
                    a -= 1
                if b < self.width and chars[b] == WIDE_TAIL:
                    b += 1
                out.append(f"\x1b[{y + 1};{a + 1}H")
                x = a
                while x < b:
                    sgr = sgrs[x]
                    run_end = x + 1
                    while run_end < b and sgrs[run_end] == sgr:
                        run_end += 1
                    if sgr != pen:  # the attributes stay set across cursor moves
                        out.append(sgr_change(pen, sgr))
                        pen = sgr
                    out.append("".join(chars[x:run_end]))
                    x = run_end
        if pen:
            out.append("\x1b[0m")
        return "".join(out)


def _fits() -> bool:
    display = vars(App).get("_display")
    return (CompositorUpdate is not None and callable(display)
            and list(inspect.signature(display).parameters) == ["self", "screen", "renderable"])


register("screen_diff", "only the cells that change are written to the terminal", _fits)

# What _display reads of the App, all set by App.__init__.
_APP_STATE = ("_running", "_closed", "_batch_count", "_driver")


class DiffingApp(App[ReturnType]):
    """An App that writes only the cells an update changes (see the module's docstring),
    overriding Textual's private ``App._display`` while the patch is in force."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._screen_diff = ScreenDiff()
        self._diff_cursor: Offset | None = None
        self._diffing = active("screen_diff") and all(hasattr(self, n) for n in _APP_STATE)

    def invalidate_screen(self) -> None:
        """The terminal may show anything now (ctrl+l, resize, resumed): write all again."""
        self._screen_diff.invalidate()

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        if (self._diffing and isinstance(renderable, CompositorUpdate) and self._running
                and not self._closed and not self._batch_count and self._driver is not None
                and not self._driver.is_inline and not self.is_headless):
            size = screen.outer_size
            text = self._screen_diff.update(renderable, size.width, size.height, self.console)
            cursor = size.clamp_offset(self.cursor_position)
            if not text and cursor == self._diff_cursor:
                self.post_display_hook()
                return  # nothing to write: not even the synchronized-output brackets
            self._diff_cursor = cursor
            renderable = TextUpdate(text)
        super()._display(screen, renderable)
