"""The designer's two halves: the list of hires in hiring order, and the selected hire's form.

Both only post messages; OrgPane owns the plan and decides. Field values are loaded with
change messages suppressed, so moving through the list never writes one hire's text into
another.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from ...catalog.records import Catalog
from ...plan.model import SENIORITY_LABELS, Hire, HireCost, money, parse_start, start_label
from ..widgets.fields import Input, TextArea
from ..widgets.text import literal


class HireList(OptionList):
    """Hires in hiring order. Editing keys live here so they never fire while typing."""

    BINDINGS = [
        Binding("a", "command('add')", "Add", id="org.add"),
        Binding("d,delete", "command('delete')", "Delete", key_display="d", id="org.delete"),
        Binding("u", "command('undo')", "Undo", id="org.undo"),
        Binding("alt+up,left_square_bracket", "command('up')", "Earlier", key_display="[",
                id="org.move-up"),
        Binding("alt+down,right_square_bracket", "command('down')", "Later",
                key_display="]", id="org.move-down"),
        Binding("enter", "select", "Edit", id="org.edit"),
        Binding("j", "cursor_down", "Down", show=False, id="org.list-down"),
        Binding("k", "cursor_up", "Up", show=False, id="org.list-up"),
    ]

    class Command(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def action_command(self, name: str) -> None:
        self.post_message(self.Command(name))


def hire_line(index: int, hire: Hire, catalog: Catalog) -> Content:
    role = catalog.role(hire.role)
    flags = ""
    if role is None:
        flags += "!"
    if not hire.deliverable_90_days.strip():
        flags += "?"
    name = role.name if role else f"{hire.role} (unknown)"
    return literal(f"{index + 1:>2} {flags:<2}M{hire.start:<3}{name}")


class FieldRow(Vertical):
    """A label above its field; the label is reversed while the field has focus (no colour
    needed to see where you are)."""


class HireEditor(VerticalScroll):
    """The selected hire's fields. Every change posts ``Changed(field, value)`` at once."""

    BINDINGS = [
        Binding("escape,ctrl+g", "leave", "Back to list", key_display="esc", id="org.leave"),
    ]

    class Changed(Message):
        def __init__(self, field: str, value: str | int) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Leave(Message):
        """The user is done editing; the pane puts focus back on the list."""

    class Ready(Message):
        """The form is mounted (it is built lazily, after the first frame)."""

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self._role_ids = [r.id for r in catalog.roles]
        self._extra_role: str | None = None  # an unknown role shown as an option
        # Changes count only once a hire has been loaded: before that, the only events are
        # the fields' own start-up values (a Select picks its first option when it mounts).
        self._loaded = False

    def compose(self) -> ComposeResult:
        roles = [(literal(r.name), r.id) for r in self.catalog.roles]
        with FieldRow():
            yield Static(literal("Role"), classes="field-label")
            yield Select(roles, allow_blank=False, compact=True, id="hire-role")
        with FieldRow():
            yield Static(literal("Seniority (point in the pay range)"),
                         classes="field-label")
            yield Select([(literal(v), k) for k, v in SENIORITY_LABELS.items()],
                         allow_blank=False, value="mid", compact=True, id="hire-seniority")
        with FieldRow():
            yield Static(literal("Title"), classes="field-label")
            yield Input(compact=True, id="hire-title")
        with FieldRow():
            yield Static(literal("Start: month (7) or quarter (Q3)"), classes="field-label",
                         id="hire-start-label")
            yield Input(compact=True, id="hire-start")
        with FieldRow():
            yield Static(literal("Team or squad"), classes="field-label")
            yield Input(compact=True, id="hire-team")
        with FieldRow():
            yield Static(literal("First-90-day deliverable"), classes="field-label")
            yield TextArea(compact=True, soft_wrap=True, id="hire-deliverable",
                           classes="hire-text")
        with FieldRow():
            yield Static(literal("Why this hire at this point"), classes="field-label")
            yield TextArea(compact=True, soft_wrap=True, id="hire-rationale",
                           classes="hire-text")
        yield Static(id="hire-cost")

    def on_mount(self) -> None:
        self.post_message(self.Ready())

    def show(self, hire: Hire | None, cost: HireCost | None) -> None:
        """Load a hire into the fields without posting a single change."""
        if not self.query("#hire-role"):  # the form is still being built
            self.call_after_refresh(self.show, hire, cost)
            return
        self.disabled = hire is None
        self.set_class(hire is None, "-empty")
        hire = hire or Hire(role=self._role_ids[0] if self._role_ids else "")
        role = self.query_one("#hire-role", Select)
        with self.prevent(Select.Changed, Input.Changed, TextArea.Changed):
            extra = None if hire.role in self._role_ids else hire.role
            if extra != self._extra_role:
                options = [(literal(r.name), r.id) for r in self.catalog.roles]
                if extra is not None:
                    options.append((literal(f"{extra} (unknown role)"), extra))
                role.set_options(options)
                self._extra_role = extra
            role.value = hire.role
            self.query_one("#hire-seniority", Select).value = hire.seniority
            self.query_one("#hire-title", Input).value = hire.title
            self.query_one("#hire-start", Input).value = str(hire.start)
            self.query_one("#hire-team", Input).value = hire.team
            self._load_text("#hire-deliverable", hire.deliverable_90_days)
            self._load_text("#hire-rationale", hire.rationale)
        self._start_hint(hire.start)
        self.show_cost(cost)
        self._loaded = True

    def _load_text(self, selector: str, text: str) -> None:
        area = self.query_one(selector, TextArea)
        if area.text != text:
            area.load_text(text)

    def show_cost(self, cost: HireCost | None) -> None:
        out = self.query_one("#hire-cost", Static)
        if cost is None:
            out.update(literal("No hire selected. In the list, a adds the first hire and "
                               "ctrl+o opens a saved plan or the worked example."))
        elif cost.role is None:
            out.update(literal("Cost: unknown role, counted as $0"))
        elif cost.role.compensation is None:
            out.update(literal("Cost: no pay range in the catalog, counted as $0"))
        else:
            out.update(literal(
                f"Cost: {money(cost.annual_usd)}/yr loaded ({money(cost.salary_usd)} pay in "
                f"{cost.role.compensation.label()})"))

    def _emit(self, field: str, value: str | int) -> None:
        if self._loaded:
            self.post_message(self.Changed(field, value))

    def _start_hint(self, month: int | None, bad: str = "") -> None:
        label = self.query_one("#hire-start-label", Static)
        if bad:
            label.update(literal(f"Start: {bad!r} is not a month (7) or quarter (Q3)"))
        elif month:
            label.update(literal(f"Start: {start_label(month)}, month or quarter (Q3)"))

    # -- changes -------------------------------------------------------------------------

    # A change event can arrive after the field was loaded with another hire (the Select's
    # first value at mount, keys typed just before moving on): only the value the field
    # holds now counts, so a stale event never writes one hire's text into another.

    @on(Select.Changed, "#hire-role")
    def _role(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value == event.select.value:
            self._emit("role", event.value)

    @on(Select.Changed, "#hire-seniority")
    def _seniority(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value == event.select.value:
            self._emit("seniority", event.value)

    @on(Input.Changed, "#hire-title")
    def _title(self, event: Input.Changed) -> None:
        if event.value == event.input.value:
            self._emit("title", event.value)

    @on(Input.Changed, "#hire-team")
    def _team(self, event: Input.Changed) -> None:
        if event.value == event.input.value:
            self._emit("team", event.value)

    @on(Input.Changed, "#hire-start")
    def _start(self, event: Input.Changed) -> None:
        if event.value != event.input.value:
            return
        month = parse_start(event.value)
        if month is None:
            self._start_hint(None, event.value)
            return
        self._start_hint(month)
        self._emit("start", month)

    @on(TextArea.Changed, "#hire-deliverable")
    def _deliverable(self, event: TextArea.Changed) -> None:
        self._emit("deliverable_90_days", event.text_area.text)

    @on(TextArea.Changed, "#hire-rationale")
    def _rationale(self, event: TextArea.Changed) -> None:
        self._emit("rationale", event.text_area.text)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.screen.focus_next()

    def enter(self) -> None:
        self.query_one("#hire-role", Select).focus()
        self.scroll_home(animate=False)

    def action_leave(self) -> None:
        self.post_message(self.Leave())


def hire_options(hires: list[Hire], catalog: Catalog) -> list[Option]:
    return [Option(hire_line(i, h, catalog)) for i, h in enumerate(hires)]
