"""Modal questions the org designer asks: choose, name a file, pick a plan, read problems.

Each is a ModalScreen that dismisses with the answer; the designer decides what to do with
it. All text from files and users goes through ui/text.py, so a plan named ``[/]`` is shown
as typed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ScreenResultType
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...catalog.records import Catalog
from ...documents.store import Entry
from ...plan.analysis import hires_and_cost
from ...plan.store import PlanEntry, check_file_name
from ..widgets.fields import Input
from ..widgets.text import Doc, literal
from .base import AppModalScreen


class Dialog(AppModalScreen[ScreenResultType]):
    """A box in the middle of the screen: the base of every small dialog, with its looks said
    once (Textual applies a base class's DEFAULT_CSS, and its type selector, to subclasses)."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    Dialog .dialog-title { text-style: bold reverse; margin-bottom: 1; }
    Dialog .dialog-body { height: auto; max-height: 12; }
    Dialog .dialog-buttons { height: auto; margin-top: 1; }
    Dialog Button { margin-right: 1; min-width: 10; }
    Dialog Button:focus { text-style: bold reverse; }
    Dialog .dialog-error { height: auto; text-style: bold; }
    """


@dataclass(frozen=True)
class Choice:
    key: str  # one printable key that answers the question
    label: str
    value: str


class ChoiceScreen(Dialog[str | None]):
    """A question with a few answers, each on a button and on its own key; esc cancels."""

    BINDINGS = [
        Binding("escape,ctrl+g", "cancel", "Cancel", id="dialog.cancel"),
        Binding("left", "app.focus_previous", "Previous button", show=False, id="dialog.left"),
        Binding("right", "app.focus_next", "Next button", show=False, id="dialog.right"),
    ]

    def __init__(self, title: str, body: str, choices: list[Choice],
                 cancel_value: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.choices = choices
        self.cancel_value = cancel_value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(literal(self.body))
            with Horizontal(classes="dialog-buttons"):
                for n, choice in enumerate(self.choices):
                    yield Button(literal(f"{choice.key.upper()} {choice.label}"),
                                 id=f"choice-{n}", compact=True)

    def on_mount(self) -> None:
        self.query_one("#choice-0", Button).focus()

    def on_key(self, event) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        index = int((event.button.id or "choice-0").removeprefix("choice-"))
        self.dismiss(self.choices[index].value)

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_value)


class ProblemsScreen(Dialog[None]):
    """Why a file could not be used: every problem, one per line, as file:line: message."""

    BINDINGS = [Binding("escape,enter,ctrl+g", "close", "Close", id="problems.close")]

    def __init__(self, title: str, problems: list[str], note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.problems = problems
        self.note = note

    def compose(self) -> ComposeResult:
        doc = Doc().bullets(self.problems)
        if self.note:
            doc.para("").para(self.note)
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=True, id="problems-body"):
                yield Static(doc.build())
            yield Static(literal("enter or esc closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#problems-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)


class SaveAsScreen(Dialog[str | None]):
    """Ask for a file name in the plans folder; refuses names that are paths or hidden."""

    BINDINGS = [Binding("escape,ctrl+g", "cancel", "Cancel", id="saveas.cancel")]

    def __init__(self, suggested: str, folder: str, title: str = "Save plan as") -> None:
        super().__init__()
        self.suggested = suggested
        self.folder = folder
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            yield Static(literal(f"File name in {self.folder}:"))
            yield Input(self.suggested, id="saveas-name", compact=True)
            yield Static(id="saveas-error", classes="dialog-error")
            yield Static(literal("enter saves · esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#saveas-name")
    def _submitted(self, event: Input.Submitted) -> None:
        problem = check_file_name(event.value)
        if problem:
            self.query_one("#saveas-error", Static).update(literal(problem))
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


NEW_BLANK = "new:blank"


class OpenPlanScreen(Dialog[str | None]):
    """Pick a document: the recent ones first (enter on the first goes back to the one open
    before), a blank one, a shipped example, or another saved one (newest first); plans by
    default, skills matrices with ``noun="matrix", nouns="matrices"``. With a catalog, each
    plan says its hire count and yearly cost, to tell versions apart."""

    DEFAULT_CSS = """
    OpenPlanScreen OptionList { height: auto; max-height: 16; border: none; }
    """
    BINDINGS = [Binding("escape,ctrl+g", "cancel", "Cancel", id="open.cancel")]

    def __init__(self, examples: Sequence[Entry], saved: Sequence[Entry], folder: str,
                 title: str = "Open a plan", noun: str = "plan",
                 nouns: str = "plans", *, recent: list[PlanEntry] | None = None,
                 catalog: Catalog | None = None) -> None:
        super().__init__()
        self.noun, self.nouns = noun, nouns
        self.examples = examples
        self.recent = recent or []
        shown = {entry.path for entry in self.recent}
        self.saved = [entry for entry in saved if entry.path not in shown]
        self.folder = folder
        self.title_text = title
        self.catalog = catalog

    def _entry(self, entry: Entry, *, when: bool) -> Option:
        if entry.problem:
            text = f"{entry.path.name} (cannot be read)"
        else:
            plan = entry.plan if isinstance(entry, PlanEntry) else None
            figures = (f" · {hires_and_cost(plan, self.catalog)}"
                       if plan is not None and self.catalog is not None else "")
            text = f"{entry.name}{figures}  [{entry.path.name}]"
        if when:
            text = time.strftime("%Y-%m-%d %H:%M  ", time.localtime(entry.modified)) + text
        return Option(literal(text), id=f"file:{entry.path}")

    def compose(self) -> ComposeResult:
        options: list[Option | None] = []
        if self.recent:
            options.append(Option(literal("Recent", "bold"), disabled=True))
            options += [self._entry(entry, when=False) for entry in self.recent]
            options.append(None)
        options.append(Option(literal(f"New blank {self.noun}"), id=NEW_BLANK))
        for entry in self.examples:
            options.append(Option(literal(f"Example: {entry.name}"), id=f"example:{entry.path}"))
        options.append(None)
        if not self.saved:
            other = "other " if self.recent else ""
            options.append(Option(literal(f"(no {other}saved {self.nouns} in {self.folder})"),
                                  disabled=True))
        options += [self._entry(entry, when=True) for entry in self.saved]
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            yield OptionList(*options, id="open-list")
            yield Static(literal("enter opens · esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#open-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
