"""The article's role comparison table, sortable, over every role in the catalog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

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

    def compose(self) -> ComposeResult:
        yield Static(id="table-title")
        table: DataTable = DataTable(id="comparison", cursor_type="row", zebra_stripes=True)
        yield table
        yield keys_footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, heading, _ in COLUMNS:
            table.add_column(label(heading), key=key)
        self._fill()
        table.focus()

    def _cells(self, role: Role) -> list:
        comp = role.compensation
        low = f"{comp.min_usd // 1000}" if comp else "–"
        high = f"{comp.max_usd // 1000}{'+' if comp.open_ended else ''}" if comp else "–"
        name = role.name if role.in_comparison_table else f"{role.name} *"
        # Rich Text, not Content: DataTable measures column widths from Rich renderables.
        return [label(name), label(low.rjust(7)), label(high.rjust(7)),
                label(role.primary_focus), label(role.core_skills), label(role.background)]

    def _fill(self) -> None:
        """Refill in the chosen order (cells are Content, so DataTable.sort cannot compare
        them; a dozen rows, or ten thousand, refill in well under a frame)."""
        table = self.query_one(DataTable)
        _key, heading, sort_key = COLUMNS[self.sort_index]
        current = self.current_role_id
        table.clear()
        ordered = sorted(self.catalog.roles, key=sort_key, reverse=self.reverse)
        for role in ordered:
            table.add_row(*self._cells(role), key=role.id)
        if current is not None:
            table.move_cursor(row=table.get_row_index(current), animate=False)
        arrow = "descending" if self.reverse else "ascending"
        note = "  (* not a row of the article's table)" if any(
            not r.in_comparison_table for r in self.catalog.roles) else ""
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
