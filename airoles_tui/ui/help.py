"""Help generated from the live bindings of the screen underneath, so it never drifts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .text import Doc

GENERAL = [
    ("ctrl+p", "Command palette: jump to anything, switch theme"),
    ("ctrl+q", "Quit"),
]


def binding_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for every binding active on ``screen``, de-duplicated by action."""
    app = screen.app
    seen: dict[tuple[int, str], list[str]] = {}
    descriptions: dict[tuple[int, str], str] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        description = binding.description or binding.action
        ident = (id(active.node), binding.action)
        shown = binding.key_display or app.get_key_display(binding)
        seen.setdefault(ident, [])
        if shown not in seen[ident]:
            seen[ident].append(shown)
        descriptions[ident] = description
    rows = [(" / ".join(keys), descriptions[ident]) for ident, keys in seen.items()]
    return sorted(rows, key=lambda r: r[1].lower())


class HelpScreen(ModalScreen[None]):
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

    def __init__(self, rows: list[tuple[str, str]], title: str) -> None:
        super().__init__()
        self.rows = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.rows + GENERAL), default=8)
        doc = Doc().title(f"Keys: {self.title_text}")
        doc.heading("On this screen")
        for keys, description in self.rows:
            doc.para(f"{keys.ljust(width)}  {description}")
        doc.heading("Everywhere")
        for keys, description in GENERAL:
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
