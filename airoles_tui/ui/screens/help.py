"""Help generated from the live bindings of the screen underneath, so it never drifts.

Keys are grouped by what they do (ui/key_groups: move, open, find, edit, files, panes, back),
named as the footer names them (the key of the binding the footer shows first, then the
others), and Textual's internals are left out. `/` filters, as every list's filter does. A
pane may declare ``HELP_STEPS``, a short recipe with its real keys (the designer's "build a
plan"), shown first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from ..key_groups import GROUP_NAMES, ORDER, STOCK, Step
from ..widgets.filter_bar import FilterBar
from ..widgets.text import Doc, literal
from .base import AppModalScreen

CLOSES = "/ filters · esc, q, ? or F1 closes this help"
KEYS_WIDTH = 12


class HelpRow(NamedTuple):
    group: str
    keys: str  # as the footer shows them: "esc", "↓ / j", "^s"
    description: str


def binding_rows(screen: Screen) -> list[HelpRow]:
    """Every key active on ``screen`` that help shows, merged by action, in group order.

    A row's keys start with the one the footer shows for that action (the first shown
    binding). Where a widget of Textual's binds an action that the app binds too (the
    arrows beside j and k), the app's binding (with an id) places and names the row.
    """
    app = screen.app
    by_action: dict[tuple[int, str], list[Binding]] = {}
    for active in screen.active_bindings.values():
        by_action.setdefault((id(active.node), active.binding.action), []).append(
            active.binding)
    rows = []
    for (_node, action), bindings in by_action.items():
        where = _place(action, bindings)
        if where is None:
            continue
        group, rank, text = where
        shown = sorted(bindings, key=lambda b: not b.show)  # stable: the footer's key first
        keys = " / ".join(dict.fromkeys(app.get_key_display(b) for b in shown))
        order = GROUP_NAMES.index(group) if group in GROUP_NAMES else len(GROUP_NAMES)
        rows.append((order, rank, text.lower(), HelpRow(group, keys, text)))
    return [row for *_order, row in sorted(rows, key=lambda r: r[:3])]


def _place(action: str, bindings: list[Binding]) -> tuple[str, int, str] | None:
    """(group, rank in the group, description) for a row help shows, None for one it
    hides (a key of Textual's that is not in key_groups.STOCK)."""
    ours = next((b for b in bindings if b.id is not None), None)
    if ours is not None:
        group, rank = ORDER.get(ours.id or "", ("Other", 0))
        return group, rank, ours.description or ours.action
    name = action.rpartition(".")[2]  # "app.focus_next" is focus_next
    if name not in STOCK:
        return None
    group, text = STOCK[name]
    return group, len(ORDER) + list(STOCK).index(name), text  # after ours, in STOCK's order


def declared_bindings(nodes: Iterable[DOMNode]) -> dict[str, Binding]:
    """Every binding with an id that the classes of ``nodes`` declare, by id: a recipe's
    keys, whether or not the widget with them has focus now."""
    found: dict[str, Binding] = {}
    for node in nodes:
        for cls in type(node).__mro__:
            for binding in vars(cls).get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, binding)
    return found


class HelpScreen(AppModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help-box {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    HelpScreen #help-filter { dock: top; }
    HelpScreen #help-body { height: auto; }
    HelpScreen #help-closes { dock: bottom; height: auto; color: $text-muted; }
    """
    AUTO_FOCUS = "#help-body"  # not the filter, which waits hidden for /
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("slash", "filter", "Filter", id="help.filter"),
        Binding("j,down", "scroll('down')", "Scroll", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll", show=False, id="help.up"),
    ]

    def __init__(self, rows: list[HelpRow], title: str,
                 steps: Sequence[tuple[str, str]] = ()) -> None:
        """``steps``: (keys, what the step does), a pane's recipe, shown first."""
        super().__init__()
        self.rows = rows
        self.steps = list(steps)
        self.title_text = title
        self.query_text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield FilterBar("Filter keys…", on_change=self._filter, id="help-filter")
            with VerticalScroll(id="help-body"):
                yield Static(self._doc(), id="help-text")
            yield Static(literal(CLOSES), id="help-closes")

    def _doc(self) -> Content:
        query = self.query_text.lower()

        def wanted(*texts: str) -> bool:
            return not query or any(query in t.lower() for t in texts)

        # The key column, as wide as its keys up to KEYS_WIDTH: a longer list of keys
        # ("4 / 5 / 6 / 7 / 8 / 9") pushes its own description along, not every row's.
        width = min(KEYS_WIDTH, max([6, *(len(k) for k, _ in self.steps),
                                     *(len(r.keys) for r in self.rows)]))
        doc = Doc().title(f"Keys: {self.title_text}")
        steps = [(n, k, t) for n, (k, t) in enumerate(self.steps, start=1)
                 if wanted(k, t, "build a plan")]
        if steps:
            doc.heading("Build a plan")
            for n, keys, text in steps:
                doc.para(f"{n}. {keys.ljust(width)}  {text}")
        shown = 0
        for group in GROUP_NAMES + ("Other",):
            rows = [r for r in self.rows if r.group == group
                    and wanted(r.keys, r.description, group)]
            if rows:
                doc.heading(group)
                for row in rows:
                    doc.para(f"   {row.keys.ljust(width)}  {row.description}")
                shown += len(rows)
        if not shown and not steps:
            doc.para(f"No key matches {self.query_text!r}: esc clears the filter.")
        return doc.build()

    def _filter(self, text: str) -> None:
        self.query_text = text
        self.query_one("#help-text", Static).update(self._doc())
        self.query_one("#help-body", VerticalScroll).scroll_home(animate=False)

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Done)
    @on(FilterBar.Cleared)
    def _back_to_keys(self) -> None:
        self.set_focus(self.query_one("#help-body", VerticalScroll))

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one("#help-body", VerticalScroll)
        scroller.scroll_down() if direction == "down" else scroller.scroll_up()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


def recipe(steps: Sequence[Step], bindings: dict[str, Binding],
           key_display: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """A pane's steps with the keys its bindings have now: (keys, text)."""
    out: list[tuple[str, str]] = []
    for step in steps:
        binding = bindings.get(step.binding)
        if step.binding and binding is None:
            continue  # not in this pane now: a step without its key would mislead
        keys = key_display(binding) if binding is not None else "type"
        description = f"{binding.description}: " if binding is not None else ""
        out.append((keys, description + step.text))
    return out
