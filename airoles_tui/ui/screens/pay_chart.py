"""Pay at a glance: every role's 2026 range as a bar on one shared scale.

The layout (scale, ticks, cells) is ``payscale``; this screen only styles and sorts it. Bars
are solid blocks with a ``▶`` for an open top end, so the chart reads the same with no colour.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...catalog import payscale
from ...catalog.provenance import NOT_IN_TABLE, NOT_IN_TABLE_NOTE
from ...catalog.records import Catalog, Role
from ..widgets.filter_bar import FilterBar
from ..widgets.footer import keys_footer
from ..widgets.text import MUTED, literal
from .base import AppScreen

BAR_STYLE = "$accent"
SORT_NAMES = {"low": "low end", "high": "high end", "name": "name"}


def bar_content(track: str) -> Content:
    """Bars in the accent colour, grid dots muted; the characters carry the meaning."""
    parts: list[Content] = []
    for ch in track:
        style = BAR_STYLE if ch in (payscale.FULL, payscale.OPEN_END) else MUTED
        parts.append(Content.styled(ch, style) if ch != " " else Content(" "))
    return Content.assemble(*parts)


def name_cell(role: Role, width: int) -> str:
    """The role's name in ``width`` cells, with the table's ``*`` (kept through a cut) when
    the article's comparison table has no row for it."""
    if role.in_comparison_table:
        return payscale.fit(role.name, width)
    return (payscale.fit(role.name, width - 2).rstrip() + " " + NOT_IN_TABLE).ljust(width)


def chart_rows(roles: list[Role], width: int,
               scale_roles: list[Role] | None = None) -> list[tuple[str | None, Content]]:
    """(role id or None for axis rows, line) for a chart ``width`` cells wide, on a scale that
    holds ``scale_roles`` (default: ``roles``), so a filtered chart keeps the whole scale."""
    name_w = payscale.name_width_for(width)
    track_w = payscale.track_width(width, name_w)
    scale = payscale.make_scale(scale_roles or roles, track_w)
    line, labels = payscale.axis(scale)
    pad = " " * (name_w + 1)
    rows: list[tuple[str | None, Content]] = [
        (None, Content.assemble(literal("Role".ljust(name_w) + " ", "bold"),
                                literal(labels, MUTED))),
    ]
    if not roles:
        rows.append((None, literal("No role matches the filter (esc clears).", MUTED)))
    for role in roles:
        rows.append((role.id, Content.assemble(
            literal(name_cell(role, name_w) + " "),
            bar_content(payscale.bar(role, scale)),
            literal(" " + payscale.range_label(role).rjust(payscale.LABEL_WIDTH)),
        )))
    rows.append((None, literal(pad + line, MUTED)))
    rows.append((None, Content.assemble(literal(pad), literal(labels, MUTED))))
    return rows


class PayChart(OptionList):
    """One row per role; enter opens the role's card."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="pay.down"),
        Binding("k", "cursor_up", "Up", show=False, id="pay.up"),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self.sort = "low"
        self.reverse = False
        self.filter_text = ""  # not `query`: that is the DOM query method it would hide
        self._width = 0


    def ordered(self) -> list[Role]:
        words = self.filter_text.lower().split()
        # The Roles pane's haystack: the same words find the same roles.
        search = self.catalog.search_text
        roles = [r for r in self.catalog.roles if all(w in search(r) for w in words)]
        return payscale.sort_roles(roles, self.sort, self.reverse)

    def rebuild(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._width = width
        current = self.highlighted_option.id if self.highlighted_option else None
        roles = self.ordered()
        self.clear_options()
        self.add_options(Option(content, id=role_id, disabled=role_id is None)
                         for role_id, content in chart_rows(roles, width,
                                                            list(self.catalog.roles)))
        ids = [r.id for r in roles]
        if not ids:
            self.highlighted = None
        else:
            self.highlighted = self.get_option_index(current if current in ids else ids[0])

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self.rebuild()


class PayChartScreen(AppScreen[str | None]):
    """Dismisses with the id of the role chosen with enter (the app opens its card)."""
    HELP_TITLE = "Pay at a glance"

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="pay.close"),
        Binding("s", "next_sort", "Sort", id="pay.sort"),
        Binding("l", "sort('low')", "Sort by low end", show=False, id="pay.sort-low"),
        Binding("h", "sort('high')", "Sort by high end", show=False, id="pay.sort-high"),
        Binding("n", "sort('name')", "Sort by name", show=False, id="pay.sort-name"),
        Binding("r", "reverse", "Reverse", id="pay.reverse"),
        Binding("slash", "filter", "Filter", id="pay.filter"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        yield Static(id="pay-title")
        yield FilterBar("Filter roles by any word of their card…", id="pay-filter",
                        on_change=self._filter_changed)
        yield PayChart(self.catalog, id="pay-chart", compact=True)
        yield Static(id="pay-legend")
        yield keys_footer()

    def on_mount(self) -> None:
        self._describe()
        self.query_one(PayChart).focus()

    def _describe(self) -> None:
        chart = self.query_one(PayChart)
        order = "descending" if chart.reverse else "ascending"
        self.query_one("#pay-title", Static).update(literal(
            f"Pay at a glance: 2026 ranges, US$ a year, by {SORT_NAMES[chart.sort]} ({order})",
            "bold"))
        unpriced = [r.name for r in self.catalog.roles if r.compensation is None]
        legend = f"{payscale.FULL} range  {payscale.OPEN_END} open top (+)  " \
                 f"{payscale.GRID} gridline · sort l low h high n name · enter opens"
        if unpriced:
            legend += f"\nNo figure in the article: {', '.join(unpriced)}"
        if not all(r.in_comparison_table for r in self.catalog.roles):
            legend += f"\n{NOT_IN_TABLE_NOTE}"
        self.query_one("#pay-legend", Static).update(literal(legend, MUTED))

    def action_sort(self, by: str) -> None:
        chart = self.query_one(PayChart)
        if chart.sort == by:
            chart.reverse = not chart.reverse
        else:
            chart.sort, chart.reverse = by, False
        chart.rebuild()
        self._describe()

    def action_next_sort(self) -> None:
        chart = self.query_one(PayChart)
        self.action_sort(payscale.SORTS[(payscale.SORTS.index(chart.sort) + 1)
                                        % len(payscale.SORTS)])

    def action_reverse(self) -> None:
        chart = self.query_one(PayChart)
        chart.reverse = not chart.reverse
        chart.rebuild()
        self._describe()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    def _filter_changed(self, query: str) -> None:
        chart = self.query_one(PayChart)
        chart.filter_text = query
        chart.rebuild()

    @on(FilterBar.Done, "#pay-filter")
    @on(FilterBar.Cleared, "#pay-filter")  # emptying the field has rebuilt the chart
    def _back_to_chart(self) -> None:
        self.query_one(PayChart).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
