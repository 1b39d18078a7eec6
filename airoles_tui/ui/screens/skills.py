"""A role's key skills, each marked have / learning / skip: the skill list reached from a card.

A list of its own rather than a cursor inside the card: at 80x24 the card is a long document
read by scrolling, and a cursor over nine bullets in it would fight the scrolling keys. Here
every key is one letter shown in the footer, the state is a word and a glyph on each line
(never colour alone), and each mark is saved the moment it is made.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...catalog.records import Role
from ...files import WriteError
from ...recommend.progress import COUNT_RULE, HAVE, LEARNING, SKIP, ProgressStore, next_state
from ..widgets.footer import keys_footer
from ..widgets.text import MUTED, literal, visible
from .base import AppScreen

GLYPHS = {HAVE: "✓", LEARNING: "~", SKIP: "-", None: " "}
MARK_WIDTH = len("[~] learning")


def mark_text(state: str | None) -> str:
    """"[✓] have": the state as a glyph and a word."""
    return f"[{GLYPHS[state]}] {state or ''}".rstrip()


def skill_line(state: str | None, skill: str) -> Table:
    """One list line: the mark in a column of its own, the skill wrapping beside it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=MARK_WIDTH, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(mark_text(state), style="bold" if state else ""), Text(visible(skill)))
    return grid


class SkillsScreen(AppScreen[None]):
    DEFAULT_CSS = """
    SkillsScreen #skills-title, SkillsScreen #skills-note { height: auto; padding: 0 1; }
    SkillsScreen #skills-list { height: auto; max-height: 1fr; }
    SkillsScreen #skills-list:focus > .option-list--option-highlighted {
        text-style: bold underline;
    }
    """
    HELP_TITLE = "Key skills"
    BINDINGS = [
        Binding("h", "mark('have')", "Have", id="skills.have"),
        Binding("l", "mark('learning')", "Learning", id="skills.learning"),
        Binding("s", "mark('skip')", "Skip", id="skills.skip"),
        Binding("u,delete", "mark('')", "Clear", key_display="u", id="skills.unmark"),
        Binding("p", "plan", "Plan", id="skills.plan"),
        # Off the footer (it holds the keys above at 80 columns); the note under the list
        # and the help screen say it.
        Binding("space", "cycle", "Next mark", show=False, id="skills.cycle"),
        Binding("escape,q", "close", "Back", key_display="esc", id="skills.close"),
        Binding("j", "cursor('down')", "Down", show=False, id="skills.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="skills.up"),
    ]

    def __init__(self, role: Role, store: ProgressStore) -> None:
        """Dismisses with None; the opener refreshes what shows the role's progress."""
        super().__init__()
        self.role = role
        self.store = store

    def compose(self) -> ComposeResult:
        yield Static(id="skills-title")
        yield OptionList(*self._options(), id="skills-list")
        yield Static(id="skills-note")
        yield keys_footer(compact=True)  # one space between keys: all of them fit at 80

    def on_mount(self) -> None:
        self._title()
        self._note(literal(f"space or enter: next mark · p: learning plan (skills left, the "
                           f"way in, case studies) · have x/y: {COUNT_RULE}. Saved as you mark "
                           f"({self.store.path.name}, in your data folder).", MUTED))
        if self.store.problem:
            self._note(literal(self.store.problem, "bold"))
        skills = self.query_one("#skills-list", OptionList)
        skills.highlighted = 0 if self.role.key_skills else None
        skills.focus()

    def _options(self) -> list[Option]:
        return [Option(skill_line(self.store.state(self.role.id, s), s), id=str(n))
                for n, s in enumerate(self.role.key_skills)]

    def _title(self) -> None:
        count = self.store.count(self.role)
        self.query_one("#skills-title", Static).update(Content.assemble(
            literal(f"Key skills: {self.role.name}", "bold"),
            literal(f"  have {count.label()} · learning {count.learning} · "
                    f"skipped {count.skipped}",
                    "bold" if count.marked else MUTED)))

    def _note(self, text: Content) -> None:
        self.query_one("#skills-note", Static).update(text)

    def action_cursor(self, direction: str) -> None:
        skills = self.query_one("#skills-list", OptionList)
        skills.action_cursor_down() if direction == "down" else skills.action_cursor_up()

    def _current(self) -> int | None:
        return self.query_one("#skills-list", OptionList).highlighted

    def action_cycle(self) -> None:
        at = self._current()
        if at is not None:
            self._set(at, next_state(self.store.state(self.role.id, self.role.key_skills[at])))

    def action_mark(self, state: str) -> None:
        at = self._current()
        if at is not None:
            self._set(at, state or None)

    @on(OptionList.OptionSelected, "#skills-list")
    def _selected(self) -> None:
        self.action_cycle()  # enter does what space does

    def _set(self, at: int, state: str | None) -> None:
        skill = self.role.key_skills[at]
        try:
            self.store.mark(self.role.id, skill, state)
        except ValueError as exc:  # the file does not validate: it is never written over
            self._note(literal(str(exc), "bold"))
            self.notify("Not marked: your skill-progress file has problems (shown below the "
                        "list).", markup=False, severity="error")
            return
        except WriteError as exc:  # kept in memory; saved again at the next mark or exit
            self._note(literal(f"Marked, but not saved yet: {exc}", "bold"))
            self.notify(str(exc), markup=False, severity="error")
        skills = self.query_one("#skills-list", OptionList)
        skills.replace_option_prompt_at_index(at, skill_line(state, skill))
        self._title()
        # The tree, the card and the recommender under this screen follow when it closes
        # (the app's callback): rebuilding a hidden card at every mark slowed each key.

    def action_plan(self) -> None:
        open_plan = getattr(self.app, "open_learning_plan", None)
        if open_plan is not None:
            open_plan(self.role.id)

    def action_close(self) -> None:
        try:
            self.store.flush()  # the marks were written as made; now to the disk itself
        except WriteError as exc:
            self.notify(f"Marks kept for now, not saved: {exc}", markup=False,
                        severity="error")
        self.dismiss(None)
