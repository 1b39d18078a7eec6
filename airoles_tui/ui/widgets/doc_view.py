"""A scrollable document that repaints only the lines that changed.

Over ssh every repainted cell costs bytes and every layout costs milliseconds. A Static in a
scroll container re-wraps its whole text twice per update (layout, then render), re-lays its
container and repaints the container's border, padding and scrollbar on every change, for
each step of the cursor through the role tree. This widget wraps
a document once per width, keeps the wrapped lines, and on a new document refreshes only the
screen lines whose cells differ (blank lines, shared headings and the frame stay put).

Each such line is sent as few escape sequences as possible: the side margins are drawn in
the line itself (``gutter``) rather than as CSS padding, and runs of one style (margin, text,
trailing blanks) are joined into one segment, so a plain line costs one colour sequence
instead of four; the refresh stops short of the scrollbar, which did not change.
"""

from __future__ import annotations

from collections import OrderedDict

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style


class DocView(ScrollView, can_focus=True):
    """Shows one formatted document (``Content``) at a time; ``show`` swaps it."""

    DEFAULT_CSS = """
    DocView {
        overflow-x: hidden;
        /* Always there: a scrollbar that comes and goes re-lays and repaints the view. */
        overflow-y: scroll;
    }
    """

    CACHE_SIZE = 32  # wrapped documents kept: going back and forth costs no re-wrap

    def __init__(self, content: Content | None = None, *, gutter: int = 0, **kwargs) -> None:
        super().__init__(**kwargs)
        self._gutter = gutter  # blank cells each side of the text, drawn in the line itself
        self.auto_links = False  # documents carry no links; skips a pass over every line
        self._content = content or Content("")
        self._lines: list[Strip] = []
        self._wrapped_width = -1
        self._cache: OrderedDict[tuple, list[Strip]] = OrderedDict()

    @property
    def content(self) -> Content:
        return self._content

    @property
    def plain(self) -> str:
        """The document as text (what a test or a copy wants)."""
        return self._content.plain

    def show(self, content: Content) -> None:
        """Replace the document, back at its top, repainting only changed lines."""
        old = self._lines if self._wrapped_width == self._width() else None
        self._content = content
        self._rewrap()
        if round(self.scroll_offset.y) != 0:
            self.scroll_to(y=0, animate=False, immediate=True)  # repaints the whole view
            return
        if old is None:
            self.refresh()
            return
        region = self.scrollable_content_region
        for y in range(region.height):
            before = old[y] if y < len(old) else None
            after = self._lines[y] if y < len(self._lines) else None
            if before != after:
                self.refresh(Region(0, y, region.width, 1))  # at scroll 0: line y is row y

    def refresh_line(self, y: int) -> None:
        """Repaint one line of the document. ScrollView's spans the widget's full width,
        scrollbar included; the scrollbar did not change."""
        self.refresh(Region(0, y - self.scroll_offset.y, self._width(), 1))

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _rewrap(self) -> None:
        width = self._width()
        self._wrapped_width = width
        if width <= 0:
            self._lines = []
        else:
            key = (width, self._content.plain, tuple(self._content.spans))
            lines = self._cache.get(key)
            if lines is None:
                lines = self._render_strips(width)
                self._cache[key] = lines
                if len(self._cache) > self.CACHE_SIZE:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(key)
            self._lines = lines
        size = Size(max(width, 0), len(self._lines))
        if size == self.virtual_size:
            return
        # A layout reactive: the view is laid out and repainted, which the screen diff turns
        # into writes of the cells that changed (updating the scrollbar alone, through a
        # private Textual method, bought nothing measurable: tests/bench/run.py --patches).
        self.virtual_size = size

    def _render_strips(self, width: int) -> list[Strip]:
        """Wrap and style the document, a strip per line.

        Textual's own path (Visual.to_strips) gives every segment a style carrying its x/y
        offset, for mouse text selection; building those dominated a cursor move. A card is read with the keyboard, so plain shared styles do.
        """
        base = self.visual_style
        parse = _parse_style
        gutter = self._gutter
        margin = [Segment(" " * gutter, base.rich_style)] if gutter else []
        strips = []
        for line in self._content.wrap(max(width - 2 * gutter, 1)):
            segments = [Segment(text, style.rich_style if style else None)
                        for text, style in line.render(base, end="", parse_style=parse)]
            strip = Strip([*margin, *segments], line.cell_length + gutter)
            strips.append(strip.extend_cell_length(width, base.rich_style).simplify())
        return strips

    def forget_other_documents(self) -> None:
        """Drop the wrapped documents kept for going back (not the one shown)."""
        self._cache.clear()

    def on_resize(self) -> None:
        if self._width() != self._wrapped_width:
            self._rewrap()
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()  # a theme change restyles every document
        if self._wrapped_width >= 0:
            if self._width() > 0:
                self._rewrap()
            else:
                # Restyled while hidden or not laid out yet (a pane being shown again):
                # wrapping at width 0 would empty the document and clamp its scroll position
                # to the top. render_line wraps it at its width instead.
                self._wrapped_width = -1

    def render_line(self, y: int) -> Strip:
        width = self._width()
        if width != self._wrapped_width:
            # Shown again at a new width (a pane switch): wrap now, so the first frame has
            # the text; on_resize comes a frame later, which would draw the view blank first.
            self._rewrap()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        style = self.visual_style.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, style)


def _parse_style(style: str | Style) -> Style:
    """A span's style, with the theme's variables ($text-muted...) filled in."""
    if isinstance(style, Style):
        return style
    try:
        return Style.parse(style)
    except Exception:  # noqa: BLE001 - a style Textual cannot read is drawn plain, as Textual does
        return Style.null()
