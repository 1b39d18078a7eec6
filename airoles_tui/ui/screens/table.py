"""The article's role comparison table, sortable, over every role in the catalog.

The Role column stays put while the others scroll sideways. A terminal wide enough to hold
every column once its long text wraps shows the table whole (no sideways scrolling), the
text columns sharing the width; a narrower one keeps one line a row and scrolls.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ...catalog.provenance import NOT_IN_TABLE, OURS, OURS_TAG, is_ours
from ...catalog.records import Catalog, Role
from ..widgets.footer import keys_footer
from ..widgets.text import label, literal
from .base import AppScreen

# (column key, heading, sort key)
COLUMNS = [
    ("role", "Role", lambda r: r.name.lower()),
    ("low", "Low $K", lambda r: r.compensation.min_usd if r.compensation else -1),
    ("high", "High $K", lambda r: r.compensation.max_usd if r.compensation else -1),
    ("focus", "Primary focus", lambda r: r.primary_focus.lower()),
    ("skills", "Core skills", lambda r: r.core_skills.lower()),
    ("background", "Typical background", lambda r: r.background.lower()),
]
TEXT_FIELDS = {"focus": "primary_focus", "skills": "core_skills", "background": "background"}
MIN_TEXT_WIDTH = 20  # a text column narrower than this reads as a list of word fragments


class ComparisonTable(DataTable):
    """DataTable with home/end that move the scroll target too. Stock DataTable sets
    ``scroll_x`` alone for a row cursor, so → after End scrolled from the old target (the
    left edge) instead of the right edge."""

    def action_scroll_home(self) -> None:
        self.scroll_to(x=0, animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_to(x=self.max_scroll_x, animate=False)


def column_widths(texts: dict[str, list[str]], available: int,
                  padding: int = 1) -> dict[str, int] | None:
    """Widths for the text columns that let the whole table fit ``available`` cells, the
    columns sharing it in proportion to their text and none narrower than its longest word
    or MIN_TEXT_WIDTH; None when it cannot fit (keep one line a row and scroll) or fits
    without wrapping anything."""
    natural = {key: max(len(t) for t in column) for key, column in texts.items()}
    fixed = sum(natural[k] + 2 * padding for k in natural if k not in TEXT_FIELDS)
    text_keys = [k for k in natural if k in TEXT_FIELDS]
    room = available - fixed - 2 * padding * len(text_keys)
    wanted = sum(natural[k] for k in text_keys)
    if room >= wanted:
        return None  # everything fits on one line
    floors = {k: max(MIN_TEXT_WIDTH, max(len(w) for t in texts[k] for w in t.split()))
              for k in text_keys}
    if room < sum(floors.values()):
        return None
    widths = {k: max(floors[k], room * natural[k] // wanted) for k in text_keys}
    widest = max(text_keys, key=lambda k: widths[k])
    widths[widest] -= sum(widths.values()) - room  # rounding and floors: exactly the room
    return widths if widths[widest] >= floors[widest] else None


class ComparisonScreen(AppScreen[str | None]):
    """Dismisses with the id of the role chosen with enter (the Roles pane jumps to it)."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="table.close"),
        Binding("s", "next_sort", "Sort by next column", id="table.sort"),
        Binding("r", "reverse", "Reverse order", id="table.reverse"),
        Binding("j", "cursor('down')", "Down", show=False, id="table.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="table.up"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.sort_index = 0
        self.reverse = False
        self._widths: dict[str, int] | None = None
        self._laid_out_for = -1

    def compose(self) -> ComposeResult:
        yield Static(id="table-title")
        yield ComparisonTable(id="comparison", cursor_type="row", zebra_stripes=True,
                              fixed_columns=1)
        yield keys_footer()

    def on_mount(self) -> None:
        self._lay_out(self.app.size.width)
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self._lay_out(self.size.width)

    def _texts(self, role: Role) -> dict[str, str]:
        comp = role.compensation
        name = role.name if role.in_comparison_table else f"{role.name} {NOT_IN_TABLE}"
        out = {"role": name,
               "low": (f"{comp.min_usd // 1000}" if comp else "–").rjust(7),
               "high": (f"{comp.max_usd // 1000}{'+' if comp.open_ended else ''}" if comp
                        else "–").rjust(7)}
        for key, field in TEXT_FIELDS.items():
            text = getattr(role, field)
            out[key] = f"{OURS} {text}" if is_ours(role, field) else text
        return out

    def _lay_out(self, width: int) -> None:
        """Columns for ``width``: sized to share it when the table can fit, else natural."""
        if width <= 0 or width == self._laid_out_for:
            return
        self._laid_out_for = width
        table = self.query_one(DataTable)
        rows = [self._texts(r) for r in self.catalog.roles]
        texts = {key: [heading, *(row[key] for row in rows)] for key, heading, _ in COLUMNS}
        scrollbar = table.styles.scrollbar_size_vertical
        widths = column_widths(texts, width - scrollbar, table.cell_padding)
        if widths == self._widths and table.columns:
            return
        self._widths = widths
        table.clear(columns=True)
        for key, heading, _ in COLUMNS:
            table.add_column(label(heading), key=key, width=(widths or {}).get(key))
        self._fill()

    def _cells(self, role: Role) -> list:
        # Rich Text, not Content: DataTable measures column widths from Rich renderables.
        # Text columns wrap only when their width is set (the table fits the terminal).
        cells = []
        for key, text in self._texts(role).items():
            cell = label(text)
            cell.no_wrap = not (self._widths and key in self._widths)
            cells.append(cell)
        return cells

    def _fill(self) -> None:
        """Refill in the chosen order (cells are Content, so DataTable.sort cannot compare
        them; a dozen rows, or ten thousand, refill in well under a frame)."""
        table = self.query_one(DataTable)
        _key, heading, sort_key = COLUMNS[self.sort_index]
        current = self.current_role_id
        table.clear()
        ordered = sorted(self.catalog.roles, key=sort_key, reverse=self.reverse)
        height = None if self._widths else 1  # wrapped rows as tall as their text
        for role in ordered:
            table.add_row(*self._cells(role), key=role.id, height=height)
        if current is not None:
            table.move_cursor(row=table.get_row_index(current), animate=False)
        arrow = "descending" if self.reverse else "ascending"
        notes = []
        if any(not r.in_comparison_table for r in self.catalog.roles):
            notes.append(f"{NOT_IN_TABLE} not a row of the article's table")
        if any(set(TEXT_FIELDS.values()) & set(r.ours) for r in self.catalog.roles):
            notes.append(f"{OURS_TAG}")
        note = f"  ({'; '.join(notes)})" if notes else ""
        self.query_one("#table-title", Static).update(literal(
            f"Roles compared, by {heading} ({arrow}). s: next column, r: reverse, "
            f"enter: open{note}"))

    @property
    def current_role_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_next_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(COLUMNS)
        self._fill()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self._fill()

    def action_cursor(self, direction: str) -> None:
        table = self.query_one(DataTable)
        table.action_cursor_down() if direction == "down" else table.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.sort_index = event.column_index
        self._fill()
