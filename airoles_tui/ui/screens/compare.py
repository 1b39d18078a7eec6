"""Compare: two or three roles side by side, shared key skills set apart from distinct ones.

Opened from the Roles pane (space marks roles, c compares). Columns are plain text in equal
widths, so three roles still read at 80 columns; everything scrolls as one page.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...catalog import payscale
from ...catalog.compare import MAX_ROLES, compare_skills
from ...catalog.provenance import LEGEND, mark
from ...catalog.records import Role
from ..widgets.footer import keys_footer
from ..widgets.text import BULLET, HEADING, MUTED, literal
from .base import AppScreen
from .pay_chart import bar_content

MINI_BAR = 20  # at most; narrower when three columns share a narrow terminal


def _cell(text: str | Content) -> Static:
    return Static(literal(text) if isinstance(text, str) else text, classes="compare-cell")


class Bullets(Static):
    """A list whose items wrap under their own text, not under the bullet (a hanging indent).

    Wrapped for the width the layout gives (``get_content_height``) and drawn at the width it
    has, so the lines Static draws already fit and are not wrapped again."""

    def __init__(self, items: Sequence[str], empty: str, **kwargs) -> None:
        # The unwrapped list stays the Static's content: what `visual` and a copy give.
        super().__init__(Content("\n").join(literal(BULLET + i) for i in items) if items
                         else literal(empty, MUTED), **kwargs)
        self._items = [literal(i) for i in items]
        self._empty = literal(empty, MUTED)
        self._wrapped: tuple[int, Content] = (-1, Content(""))

    def _at(self, width: int) -> Content:
        if self._wrapped[0] != width:
            if not self._items:
                content = self._empty
            else:
                indent = " " * len(BULLET)
                lines = [Content.assemble(BULLET if n == 0 else indent, line)
                         for item in self._items
                         for n, line in enumerate(item.wrap(max(width - len(BULLET), 1)))]
                content = Content("\n").join(lines)
            self._wrapped = (width, content)
        return self._wrapped[1]

    def get_content_height(self, container, viewport, width: int) -> int:
        return self._at(width).get_height({}, width)

    def render(self) -> Content:
        return self._at(self.content_region.width)


def _pay(role: Role) -> Content:
    comp = role.compensation
    if comp is None:
        return literal("The article gives no figure.", MUTED)
    basis = mark(role, "compensation.basis", comp.basis)
    return literal(payscale.range_label(role) + (f" ({basis})" if basis else ""))


class CompareBody(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="compare.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="compare.up"),
        Binding("space", "page_down", "Page down", show=False, id="compare.page"),
    ]


class CompareScreen(AppScreen[None]):
    HELP_TITLE = "Compare roles"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="compare.close"),
    ]

    def __init__(self, roles: Sequence[Role]) -> None:
        if not 2 <= len(roles) <= MAX_ROLES:
            raise ValueError(f"compare needs 2 to {MAX_ROLES} roles, got {len(roles)}")
        super().__init__()
        self.roles = list(roles)

    def compose(self) -> ComposeResult:
        roles = self.roles
        names = {r.id: r.name for r in roles}
        skills = compare_skills(roles)
        # Each column is a third (or half) of the screen, less its padding and a scrollbar.
        column = (self.app.size.width - 1) // len(roles) - 2
        scale = payscale.make_scale(roles, max(min(MINI_BAR, column), 8), min_tick_gap=3)
        yield Static(literal(f"Comparing {len(roles)} roles · arrows scroll · esc back", "bold"),
                     id="compare-title")
        with CompareBody(id="compare-body"):
            with Horizontal(classes="compare-row"):
                for role in roles:
                    yield _cell(literal(role.name, "bold reverse"))
            for heading, value in (
                    ("Primary focus", lambda r: literal(mark(r, "primary_focus",
                                                             r.primary_focus))),
                    ("Typical background", lambda r: literal(mark(r, "background",
                                                                  r.background))),
                    ("2026 compensation", _pay)):
                yield Static(literal(heading, HEADING), classes="compare-heading")
                with Horizontal(classes="compare-row"):
                    for role in roles:
                        yield _cell(value(role))
            with Horizontal(classes="compare-row"):
                for role in roles:
                    yield _cell(bar_content(payscale.bar(role, scale)))
            yield Static(literal(
                f"Bars share one scale: {payscale.short_money(scale.low)} to "
                f"{payscale.short_money(scale.high)}", MUTED), classes="compare-full")

            yield Static(literal("Key skills they share", HEADING), classes="compare-heading")
            everyone = len(roles)
            shared_lines = []
            for s in skills.shared:
                who = ("all" if everyone == 2 else "all three") if len(s.roles) == everyone \
                    else ", ".join(names[r] for r in s.roles)
                shared_lines.append(f"{s.term} ({who})")
            said = {s.term.lower() for s in skills.shared}
            tools = [t for t in skills.shared_tools if t.lower() not in said]
            if tools:
                shared_lines.append("Tools named for all: " + ", ".join(tools))
            yield Bullets(shared_lines, "No key skill in common.", classes="compare-full")

            yield Static(literal("Key skills that set each apart", HEADING),
                         classes="compare-heading")
            with Horizontal(classes="compare-row"):
                for role in roles:
                    yield Bullets(skills.distinct[role.id], "None: all shared.",
                                  classes="compare-cell")
            if any({"primary_focus", "background", "compensation.basis"} & set(r.ours)
                   for r in roles):
                yield Static(literal(LEGEND, MUTED), classes="compare-heading")
        yield keys_footer()

    def on_mount(self) -> None:
        self.query_one(CompareBody).focus()

    def action_close(self) -> None:
        self.dismiss(None)
