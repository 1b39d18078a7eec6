"""The designer's two halves: the list of hires in hiring order, and the selected hire's form.

Both only post messages; OrgPane owns the plan and decides. The form's fields, labels, order
and widgets come from the hire's declaration (plan/model, plan/declare.form_fields): a new
hire field shows here with no edit, unless it needs a widget of its own. Field values are loaded with
change messages suppressed, so moving through the list never writes one hire's text into
another.
"""

from __future__ import annotations

import math

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from ...catalog.records import Catalog
from ...plan.declare import FormField, form_fields
from ...plan.model import (
    DEFAULT_SENIORITY,
    SENIORITY_LABELS,
    Hire,
    HireCost,
    money,
    read_start,
    start_label,
)
from ..widgets.choice import Choices, ChoiceSelect, choices
from ..widgets.fields import Input
from ..widgets.text_area import TextArea
from ..widgets.text import literal

SENIORITY_LABELS_BY_VALUE = [(text, value) for value, text in SENIORITY_LABELS.items()]


class HireList(OptionList):
    """Hires in hiring order. Editing keys live here so they never fire while typing."""

    BINDINGS = [
        Binding("a", "command('add')", "Add", id="org.add"),
        Binding("enter", "select", "Edit", id="org.edit"),
        Binding("c", "command('duplicate')", "Duplicate", id="org.duplicate"),
        Binding("d,delete", "command('delete')", "Delete", key_display="d", id="org.delete"),
        Binding("u", "command('undo')", "Undo", id="org.undo"),
        Binding("alt+up,left_square_bracket", "command('up')", "Earlier", key_display="[",
                id="org.move-up"),
        Binding("alt+down,right_square_bracket", "command('down')", "Later",
                key_display="]", id="org.move-down"),
        Binding("greater_than_sign", "command('shift_later')", "Start +1 month (this and later)",
                key_display=">", id="org.shift-later"),
        Binding("less_than_sign", "command('shift_earlier')",
                "Start -1 month (this and later)", key_display="<", id="org.shift-earlier"),
        Binding("s", "command('order')", "Sort by start month", id="org.order"),
        Binding("j", "cursor_down", "Down", show=False, id="org.list-down"),
        Binding("k", "cursor_up", "Up", show=False, id="org.list-up"),
    ]

    class Command(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def action_command(self, name: str) -> None:
        self.post_message(self.Command(name))


# The list's extra columns, in the order they appear as the side panel widens: (name, width).
COLUMNS = (("seniority", 7), ("cost", 8), ("team", 14), ("title", 18))
LIST_HEAD = 9  # "NN !? M36 ": number, flags, start month
LIST_NAME_ROOM = 22  # the role name's column once other columns follow it


def list_columns(width: int) -> tuple[str, ...]:
    """The extra columns that fit a list ``width`` cells wide (one cell for the scrollbar)."""
    shown, used = [], LIST_HEAD + LIST_NAME_ROOM + 1
    for name, size in COLUMNS:
        used += size
        if used > width:
            break
        shown.append(name)
    return tuple(shown)


def hire_line(index: int, hire: Hire, catalog: Catalog, columns: tuple[str, ...] = (),
              annual_usd: float = 0.0) -> Content:
    role = catalog.role(hire.role)
    flags = ""
    if role is None:
        flags += "!"
    if not hire.deliverable_90_days.strip():
        flags += "?"
    name = role.name if role else f"{hire.role} (unknown)"
    month = f"M{hire.start}"
    head = f"{index + 1:>2} {flags:<2}{month:<3} "  # a long month never runs into the name
    if not columns:
        return literal(head + name)
    cells = {"seniority": hire.seniority, "cost": money(annual_usd),
             "team": hire.team, "title": hire.title}
    tail = "".join(f" {clip(cells[c], size - 1):<{size - 1}}" for c, size in COLUMNS
                   if c in columns)
    return literal(f"{head}{clip(name, LIST_NAME_ROOM):<{LIST_NAME_ROOM}}{tail}")


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


class FieldRow(Vertical):
    """A label above its field; the label is reversed while the field has focus (no colour
    needed to see where you are)."""


class HireEditor(VerticalScroll):
    """The selected hire's fields. Every change posts ``Changed(field, value)`` at once."""

    BINDINGS = [
        Binding("escape,ctrl+g", "leave", "Back to list", key_display="esc", id="org.leave"),
        # From the last field straight into the next hire: no esc, a, and back down.
        Binding("ctrl+n", "next_hire", "Next hire", key_display="^n", id="org.next-hire"),
    ]

    class Changed(Message):
        """``hire`` is the hire the form showed when the field changed: the pane may have
        selected another one since (keys typed ahead of a list refresh), and a change must
        land on the hire it was typed for."""

        def __init__(self, field: str, value: str | int | float, hire: Hire | None) -> None:
            super().__init__()
            self.hire = hire
            self.field = field
            self.value = value

    class Leave(Message):
        """The user is done editing; the pane puts focus back on the list."""

    class NextHire(Message):
        """Add a hire after this one (a copy of it, as ``a`` does) and edit it."""

    class Ready(Message):
        """The form is mounted (it is built lazily, after the first frame)."""

    # The hire the form is for: its fields, labels and widgets come from its declaration.
    HIRE: type[Hire] = Hire

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self._fields = {f.name: f for f in form_fields(self.HIRE)}
        self._role_ids = [r.id for r in catalog.roles]
        self._extra_role: str | None = None  # an unknown role shown as an option
        # Changes count only once a hire has been loaded: before that, the only events are
        # the fields' own start-up values (a Select picks its first option when it mounts).
        self._loaded = False
        self._hire: Hire | None = None  # the hire shown (the plan's own object)
        self._start_kept = 1  # the start month the plan holds for the hire shown

    def compose(self) -> ComposeResult:
        # The hire's declared fields (plan/model, plan/declare), in the form's order.
        for field in self._fields.values():
            with FieldRow():
                yield Static(literal(field.label), classes="field-label",
                             id=f"hire-{field.name}-label")
                yield self._widget(field)
        yield Static(id="hire-cost")

    def _widget(self, field: FormField) -> Widget:
        wid = f"hire-{field.name}"
        if field.widget == "role":
            return ChoiceSelect(self._role_options(None), allow_blank=False, compact=True,
                                id=wid)
        if field.widget == "seniority":
            return ChoiceSelect(choices(SENIORITY_LABELS_BY_VALUE), allow_blank=False,
                                value=DEFAULT_SENIORITY, compact=True, id=wid)
        if field.widget == "text":
            return TextArea(compact=True, soft_wrap=True, id=wid, classes="hire-text")
        return Input(compact=True, id=wid)  # line, number, month

    def _role_options(self, extra: str | None) -> Choices:
        pairs = [(r.name, r.id) for r in self.catalog.roles]
        if extra is not None:
            pairs.append((f"{extra} (unknown role)", extra))
        return choices(pairs)

    def on_mount(self) -> None:
        self.post_message(self.Ready())

    def show(self, hire: Hire | None, cost: HireCost | None) -> None:
        """Load a hire into the fields without posting a single change."""
        # The form is still being built until both choice lists have drawn their parts (a
        # Select is in the DOM before its own children are).
        if not (self.query("#hire-role #label") and self.query("#hire-seniority #label")):
            self.call_after_refresh(self.show, hire, cost)
            return
        self.disabled = hire is None
        self.set_class(hire is None, "-empty")
        self._hire = hire
        blank = self.HIRE(role=self._role_ids[0] if self._role_ids else "")
        hire = hire or blank
        role = self.query_one("#hire-role", ChoiceSelect)
        with self.prevent(Select.Changed, Input.Changed, TextArea.Changed):
            for name, field in self._fields.items():
                value = getattr(hire, name, getattr(blank, name))  # a base-class hire
                widget = self.query_one(f"#hire-{name}")
                if field.widget == "role":
                    extra = None if value in self._role_ids else value
                    if extra != self._extra_role:
                        role.set_options(self._role_options(extra))
                        self._extra_role = extra
                    role.value = value
                elif isinstance(widget, Select):
                    widget.value = value
                elif isinstance(widget, TextArea):
                    if widget.text != value:
                        widget.load_text(value)
                elif isinstance(widget, Input):
                    widget.value = str(value)
                if field.widget in ("number", "decimal"):
                    self._number_hint(field, "")
        self._start_kept = hire.start
        self._start_hint(hire.start)
        self.show_cost(cost)
        self._loaded = True

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

    def _emit(self, field: str, value: str | int | float) -> None:
        if self._loaded and self._hire is not None:
            self.post_message(self.Changed(field, value, self._hire))

    def _start_hint(self, month: int | None, problem: str = "") -> None:
        label = self.query_one("#hire-start-label", Static)
        label.set_class(bool(problem) and month is None, "-error")
        if month is None:
            label.update(literal(f"Start: ✗ {problem}; the plan keeps "
                                 f"{start_label(self._start_kept)}"))
        elif problem:
            label.update(literal(f"Start: {problem}"))
        else:
            label.update(literal(f"Start: {start_label(month)}, month or quarter (Q3)"))

    # -- changes -------------------------------------------------------------------------

    # A change event can arrive after the field was loaded with another hire (the Select's
    # first value at mount, keys typed just before moving on): only the value the field
    # holds now counts, so a stale event never writes one hire's text into another.

    def _field_of(self, widget: Widget) -> FormField | None:
        return self._fields.get((widget.id or "").removeprefix("hire-"))

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        field = self._field_of(event.select)
        if field and isinstance(event.value, str) and event.value == event.select.value:
            self._emit(field.name, event.value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field is None or event.value != event.input.value:
            return
        if field.widget == "month":
            month, note = read_start(event.value)
            self._start_hint(month, note)
            if month is not None:
                self._start_kept = month
                self._emit(field.name, month)
        elif field.widget in ("number", "decimal"):
            number, problem = _number(event.value, field)
            self._number_hint(field, problem)
            if number is not None:
                self._emit(field.name, number)
        else:
            self._emit(field.name, event.value)

    def _number_hint(self, field: FormField, problem: str) -> None:
        label = self.query_one(f"#hire-{field.name}-label", Static)
        label.set_class(bool(problem), "-error")
        label.update(literal(f"{field.label}: ✗ {problem}" if problem else field.label))

    @on(Input.Blurred, "#hire-start")
    def _start_left(self, event: Input.Blurred) -> None:
        # A refused month is not left on screen beside a plan holding another one: the
        # field goes back to what the plan holds, and the label says so.
        if read_start(event.value)[0] is None and self._loaded:
            with self.prevent(Input.Changed):
                event.input.value = str(self._start_kept)
            self._start_hint(self._start_kept, f"{event.value.strip()!r} refused, kept "
                                               f"{start_label(self._start_kept)}")

    @on(TextArea.Changed)
    def _written(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field is not None:
            self._emit(field.name, event.text_area.text)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.screen.focus_next()

    @on(ChoiceSelect.Picked)
    def _picked(self) -> None:
        # After the Select has taken focus back from its menu (queued before this).
        self.app.call_later(self.screen.focus_next)

    def enter(self) -> None:
        self.query_one("#hire-role", Select).focus()
        self.scroll_home(animate=False)

    def action_leave(self) -> None:
        self.scroll_home(animate=False)  # back on the list, the form shows a hire's top again
        self.post_message(self.Leave())

    def action_next_hire(self) -> None:
        self.post_message(self.NextHire())


def _number(text: str, field: FormField) -> tuple[int | float | None, str]:
    """A number field's text as its value, or why it is not one (the declared check's
    words), so the plan never holds what its file would refuse."""
    text = text.strip()
    value: int | float
    if field.widget == "number":
        if not text.isascii() or not text.isdigit() or len(text) > 15:
            return None, "a whole number"
        value = int(text)
    else:
        try:
            value = float(text) if len(text) <= 30 else math.nan
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            return None, "a number"
    check = field.spec.check
    problem = next((why for _, why in check(value)), "") if check else ""
    return (None, problem) if problem else (value, "")


def hire_options(hires: list[Hire], catalog: Catalog, columns: tuple[str, ...] = (),
                 costs: list[float] | None = None) -> list[Option]:
    costs = costs or [0.0] * len(hires)
    return [Option(hire_line(i, h, catalog, columns, costs[i])) for i, h in enumerate(hires)]
