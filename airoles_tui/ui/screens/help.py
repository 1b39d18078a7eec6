"""Help generated from the live bindings of the screen underneath, so it never drifts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.text import Doc
from .base import AppModalScreen

GENERAL = [
    ("ctrl+p", "Command palette: jump to anything, switch theme"),
    ("ctrl+q", "Quit"),
]


def binding_rows(screen: Screen) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(keys, description) for every binding active on ``screen``, merged by action.

    Returns the app's own bindings (they carry an ``id``, so users can rebind them) and,
    apart, the ones Textual's widgets bring (tree shortcuts, paging, copy).
    """
    app = screen.app
    keys: dict[tuple[int, str], list[str]] = {}
    described: dict[tuple[int, str], tuple[str, bool]] = {}
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        ident = (id(active.node), binding.action)
        shown = binding.key_display or app.get_key_display(binding)
        if shown not in keys.setdefault(ident, []):
            keys[ident].append(shown)
        described[ident] = (binding.description or binding.action, binding.id is not None)
    ours: list[tuple[str, str]] = []
    builtin: list[tuple[str, str]] = []
    for ident, key_names in keys.items():
        description, is_ours = described[ident]
        (ours if is_ours else builtin).append((" / ".join(key_names), description))
    by_text = lambda r: r[1].lower()  # noqa: E731
    return sorted(ours, key=by_text), sorted(builtin, key=by_text)


class HelpScreen(AppModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll", show=False, id="help.up"),
    ]

    def __init__(self, rows: tuple[list[tuple[str, str]], list[tuple[str, str]]],
                 title: str) -> None:
        super().__init__()
        self.ours, self.builtin = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        every = self.ours + self.builtin + GENERAL
        width = max((len(k) for k, _ in every), default=8)
        doc = Doc().title(f"Keys: {self.title_text}")
        for heading, rows in (("On this screen", self.ours), ("Everywhere", GENERAL),
                              ("Also (lists, fields, scrolling)", self.builtin)):
            if rows:
                doc.heading(heading)
                for keys, description in rows:
                    doc.para(f"{keys.ljust(width)}  {description}")
        doc.para("")
        doc.para("Esc, q, ? or F1 closes this help.")
        with VerticalScroll():
            yield Static(doc.build())

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one(VerticalScroll)
        scroller.scroll_down() if direction == "down" else scroller.scroll_up()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
