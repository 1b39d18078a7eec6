"""The plan's pictures on screen: hiring timeline, burn and runway, org chart.

plan/pictures draws each as lines of (text, mark); this screen only colours the marks with the
theme's variables and redraws at the new width when the terminal is resized (a wider one shows
more months). The glyphs carry the meaning, so 16 colours and NO_COLOR read the same.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...catalog.records import Catalog
from ...plan.analysis import Analysis
from ...plan.model import OrgPlan
from ...plan.pictures import PICTURES, STAGES, Picture, picture
from ..widgets.footer import keys_footer
from ..widgets.text import HEADING, MUTED, literal
from .base import AppScreen

SIDE_BY_SIDE = 120  # columns from which the org chart shows now and growth side by side

# The theme's text colours ($text-*): made to be read on the background, in every theme.
MARK_STYLES = {
    "head": HEADING, "dim": MUTED, "paid": "$text-success", "unpaid": "$text-warning",
    "late": "bold $text-error", "mark": "bold $text-error", "growth": "bold $text-primary",
    "hub": "bold $text-accent",
}


def picture_content(pic: Picture) -> Content:
    lines = []
    for line in pic.lines:
        lines.append(Content.assemble(*(literal(text, MARK_STYLES.get(mark, ""))
                                        for text, mark in line)))
    return Content("\n").join(lines)


class PlanViewScreen(AppScreen[None]):
    """One of the plan's pictures, full screen; h, b and o switch between them, n the org
    chart between now and the growth stage (side by side in a wide terminal)."""

    HELP_TITLE = "Plan pictures"
    DEFAULT_CSS = """
    PlanViewScreen > VerticalScroll { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    PlanViewScreen #plan-view { width: auto; }
    """
    BINDINGS = [
        Binding("escape,q", "close", "Back", key_display="esc", id="views.close"),
        Binding("h", "show('timeline')", "Timeline", id="views.timeline"),
        Binding("b", "show('burn')", "Burn", id="views.burn"),
        Binding("o", "show('org')", "Org chart", id="views.org"),
        # The org chart now or at the growth stage; side by side from SIDE_BY_SIDE columns.
        Binding("n", "stage", "Now/growth", id="views.stage"),
        Binding("j,down", "scroll('down')", "Scroll", show=False, id="views.down"),
        Binding("k,up", "scroll('up')", "Scroll", show=False, id="views.up"),
    ]

    def __init__(self, kind: str, plan: OrgPlan, analysis: Analysis, catalog: Catalog) -> None:
        super().__init__()
        self.kind = kind
        self.stage = "now"  # the org chart's, when the two stages do not fit side by side
        self.plan = plan
        self.analysis = analysis
        self.catalog = catalog
        self._width = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="plan-view")
        yield keys_footer()

    def on_mount(self) -> None:
        self.draw()

    def on_resize(self) -> None:
        if self._width != self._picture_width():
            self.draw()
            self.refresh_bindings()  # n is there only below SIDE_BY_SIDE columns

    def _side_by_side(self) -> bool:
        return self.size.width >= SIDE_BY_SIDE

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stage":
            return self.kind == "org" and not self._side_by_side()
        return True

    def _picture_width(self) -> int:
        # The padding's two cells and the scrollbar's gutter, kept whether or not the
        # picture scrolls: a picture drawn one cell wider lost its last column to the
        # scrollbar (the axis's last label showed as "M4" for M49 at 80 columns).
        gutter = self.query_one(VerticalScroll).styles.scrollbar_size_vertical
        return max(40, self.size.width - 2 - gutter)

    def draw(self) -> None:
        self._width = self._picture_width()
        stage = "both" if self._side_by_side() else self.stage
        pic = picture(self.kind, self.plan, self.analysis, self.catalog, self._width, stage)
        self.sub_title = PICTURES[self.kind] + (
            f" · {STAGES[self.stage].lower()}" if self.kind == "org" and stage != "both" else "")
        self.query_one("#plan-view", Static).update(picture_content(pic))

    def action_show(self, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self.draw()
            self.query_one(VerticalScroll).scroll_home(animate=False)
            self.refresh_bindings()

    def action_stage(self) -> None:
        self.stage = "growth" if self.stage == "now" else "now"
        self.draw()
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one(VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()

    def action_close(self) -> None:
        self.dismiss(None)
