"""The designer's other views: the plan's header, the growth-to-50 stage, the full analysis.

Header and growth edits apply as they are typed (like the hire form), through a callback
the pane gives; esc only closes. Nothing here touches files.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Select, Static

from ...catalog.records import Catalog
from ...plan.analysis import Analysis, analyse, growth_annual_usd, growth_money_line
from ...plan.declare import form_fields
from ...plan.limits import describe, in_range, whole_number
from ...plan.model import (
    SENIORITY_LABELS,
    OrgPlan,
    money,
    parse_usd,
    start_label,
    usd_problem,
)
from ..panes.hire_editor import FieldRow
from ..widgets.choice import Choices, ChoiceSelect, choices
from ..widgets.fields import Input
from ..widgets.text_area import TextArea
from ..widgets.text import Doc, literal
from .base import AppModalScreen

Apply = Callable[[str, object], None]



def structure_options(catalog: Catalog, current: str) -> Choices:
    pairs = [(t.name, t.id) for t in catalog.team_structures]
    if current and current not in {t.id for t in catalog.team_structures}:
        pairs.append((f"{current} (unknown)", current))
    return choices(pairs)


class PlanDialog(AppModalScreen[None]):
    """A scrolling box in the middle of the screen: the designer's larger dialogs, with their
    looks said once (Textual applies a base class's DEFAULT_CSS to subclasses)."""

    DEFAULT_CSS = """
    PlanDialog { align: center middle; }
    PlanDialog > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    PlanDialog .dialog-title { text-style: bold reverse; }
    PlanDialog .dialog-keys { dock: bottom; height: auto; color: $text-muted; }
    """


class _FormScreen(PlanDialog):
    BINDINGS = [Binding("escape,ctrl+g", "close", "Close", key_display="esc", id="form.close")]
    KEYS_HINT = "tab or enter: next field · shift+tab: back · type to search a list · esc closes"

    def __init__(self, plan: OrgPlan, catalog: Catalog, apply: Apply) -> None:
        super().__init__()
        self.plan = plan
        self.catalog = catalog
        self.apply = apply

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _next(self) -> None:
        self.focus_next()

    @on(ChoiceSelect.Picked)
    def _picked(self) -> None:
        self.app.call_later(self.focus_next)  # once the Select has focus back from its menu

    def _error(self, label_id: str, text: str) -> None:
        self.query_one(f"#{label_id}", Static).update(literal(text))

    def keys_hint(self) -> Static:
        """The dialog's keys, always on screen (docked under the form, not scrolled away)."""
        return Static(literal(self.KEYS_HINT), classes="dialog-keys")


# Each field's label, from the plan's declaration (plan/model); the layout is this dialog's.
HEADER_LABELS = {f.name: f.label for f in form_fields(OrgPlan)}


# Spending besides the AI team, counted in runway when given (blank = none).
_MONTHLY = {"monthly_other_burn_usd": "Other burn", "monthly_compute_usd": "Compute"}


class PlanHeaderScreen(_FormScreen):
    """Name, company, product, funding, hire budget, team structure, cost multiplier."""

    DEFAULT_CSS = """
    PlanHeaderScreen .field-pair { height: auto; }
    PlanHeaderScreen .field-pair FieldRow { width: 1fr; padding-right: 1; }
    """

    def compose(self) -> ComposeResult:
        p = self.plan
        with VerticalScroll():
            yield Static(literal("Plan details (changes apply as you type; esc closes)"),
                         classes="dialog-title")
            # Pairs share a row, so the dialog leaves the designer's title line in view.
            for group in (
                [("name", p.name)], [("company", p.company)], [("product", p.product)],
                [("funding_usd", str(p.funding_usd)), ("hire_budget", str(p.hire_budget))],
                [("cost_multiplier", f"{p.cost_multiplier:g}")],
                [("monthly_other_burn_usd", str(p.monthly_other_burn_usd or "")),
                 ("monthly_compute_usd", str(p.monthly_compute_usd or ""))],
            ):
                with Horizontal(classes="field-pair"):
                    for key, value in group:
                        with FieldRow():
                            yield Static(literal(HEADER_LABELS[key]), classes="field-label",
                                         id=f"label-{key}")
                            yield Input(value, compact=True, id=f"plan-{key}")
            with FieldRow():
                yield Static(literal(HEADER_LABELS["structure"]), classes="field-label")
                yield ChoiceSelect(structure_options(self.catalog, p.structure), compact=True,
                                   value=p.structure or Select.NULL, id="plan-structure",
                                   prompt="(not chosen)")
        yield self.keys_hint()

    def on_mount(self) -> None:
        self.query_one("#plan-name", Input).focus()

    def _read(self, key: str, text: str) -> tuple[object, str]:
        """(value, "") for a usable field value, or (None, why not)."""
        if key == "funding_usd":
            value = parse_usd(text)
            return value, ("" if value is not None else f"Funding: {usd_problem(text)}")
        if key == "hire_budget":
            value = whole_number(text, "hire_budget")
            return value, ("" if value is not None else
                           "Hire budget: a whole number " + describe("hire_budget"))
        if key == "cost_multiplier":
            try:
                multiplier = float(text)
            except ValueError:
                multiplier = 0.0  # refused below, as a number out of range is
            if not 0 < multiplier <= 10:
                return None, "Multiplier: a number above 0, at most 10"
            return multiplier, ""
        if key in _MONTHLY:
            value = parse_usd(text) if text.strip() else 0
            if value is None or not in_range("monthly_usd", value):
                return None, (f"{_MONTHLY[key]}: {text.strip()!r} is not an amount "
                              + describe("monthly_usd"))
            return value, ""
        if key == "name" and not text.strip():
            return None, "Plan name: must not be empty"
        return text, ""

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("plan-")
        value, problem = self._read(key, event.value)
        if problem:
            kept = self._shown(key) or "none"  # a blank amount is no spending
            kept = kept if len(kept) <= 24 else kept[:23] + "…"
            return self._error(f"label-{key}", f"{problem} ✗ (kept: {kept})")
        self._error(f"label-{key}", HEADER_LABELS[key])
        self.apply(key, value)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        # A refused value does not stay on screen beside a plan that holds another.
        key = (event.input.id or "").removeprefix("plan-")
        if key in HEADER_LABELS and self._read(key, event.value)[1]:
            with self.prevent(Input.Changed):
                event.input.value = self._shown(key)
            self._error(f"label-{key}",
                        f"{HEADER_LABELS[key]} (kept {self._shown(key) or 'none'})")

    def _shown(self, key: str) -> str:
        value = getattr(self.plan, key)
        if key in _MONTHLY and not value:
            return ""  # blank: none
        return f"{value:g}" if isinstance(value, float) else str(value)

    @on(Select.Changed, "#plan-structure")
    def _structure(self, event: Select.Changed) -> None:
        self.apply("structure", event.value if isinstance(event.value, str) else "")


_GROWTH_MONTH = "Month the plan grows to it (blank: not planned)"


class GrowthScreen(_FormScreen):
    """The 50-hire stage: structure, target, headcount per role, what changes and why."""

    DEFAULT_CSS = """
    GrowthScreen .headcount { layout: horizontal; height: 1; }
    GrowthScreen .headcount Static { width: 1fr; }
    GrowthScreen .headcount Input { width: 8; }
    GrowthScreen TextArea { height: 8; }
    """

    def compose(self) -> ComposeResult:
        g = self.plan.growth
        roles = [(r.id, r.name) for r in self.catalog.roles]
        roles += [(rid, f"{rid} (unknown)") for rid in g.headcount
                  if self.catalog.role(rid) is None]
        with VerticalScroll():
            yield Static(literal("Growth stage (changes apply as you type; esc closes)"),
                         classes="dialog-title")
            with FieldRow():
                yield Static(literal("Target headcount"), classes="field-label",
                             id="label-target")
                yield Input(str(g.target), compact=True, id="growth-target")
            with FieldRow():
                yield Static(literal(_GROWTH_MONTH), classes="field-label", id="label-month")
                yield Input(str(g.month or ""), compact=True, id="growth-month",
                            restrict=r"[0-9]*", max_length=4)
            with FieldRow():
                yield Static(literal("Team structure then (type to search)"),
                             classes="field-label")
                yield ChoiceSelect(structure_options(self.catalog, g.structure), compact=True,
                                   value=g.structure or Select.NULL, id="growth-structure",
                                   prompt="(not chosen)")
            yield Static(id="growth-total", classes="field-label")
            for n, (role_id, name) in enumerate(roles):
                with Vertical(classes="headcount"):
                    yield Static(literal(name))
                    yield Input(str(g.headcount.get(role_id, 0)), compact=True,
                                id=f"count-{n}", restrict=r"[0-9]*", max_length=4)
            with FieldRow():
                yield Static(literal("What changes and why"), classes="field-label")
                yield TextArea(g.changes, compact=True, soft_wrap=True, id="growth-changes")
        yield self.keys_hint()
        self._roles = [r for r, _ in roles]

    def on_mount(self) -> None:
        self.query_one("#growth-target", Input).focus()
        self._total()

    def _total(self) -> None:
        g = self.plan.growth
        check = analyse(self.plan, self.catalog).growth
        self.query_one("#growth-total", Static).update(literal(
            f"Headcount per role: {g.total} of {g.target} "
            f"({money(growth_annual_usd(self.plan, self.catalog))}/yr at midpoints)"
            + (f"; {growth_money_line(check)}" if check else "")))

    @on(Input.Changed, "#growth-target")
    def _target(self, event: Input.Changed) -> None:
        target = whole_number(event.value, "target")
        if target is not None:
            self._error("label-target", "Target headcount")
            self.apply("growth.target", target)
            self._total()
        else:
            self._error("label-target", "Target headcount: a whole number " + describe("target"))

    @on(Input.Changed, "#growth-month")
    def _month(self, event: Input.Changed) -> None:
        month = whole_number(event.value, "start") or 0  # 0: not set
        self.apply("growth.month", month)
        self._total()

    @on(Input.Changed, ".headcount Input")
    def _count(self, event: Input.Changed) -> None:
        index = int((event.input.id or "count-0").removeprefix("count-"))
        count = whole_number(event.value, "headcount") or 0
        self.apply("growth.headcount", (self._roles[index], count))
        self._total()

    @on(Select.Changed, "#growth-structure")
    def _structure(self, event: Select.Changed) -> None:
        self.apply("growth.structure", event.value if isinstance(event.value, str) else "")

    @on(TextArea.Changed, "#growth-changes")
    def _changes(self, event: TextArea.Changed) -> None:
        self.apply("growth.changes", event.text_area.text)


def analysis_doc(plan: OrgPlan, analysis: Analysis, catalog: Catalog) -> Doc:
    doc = Doc().title("Analysis", plan.name)
    doc.para(analysis.summary())
    doc.heading("Assumptions")
    doc.bullets([
        "Pay: a point in the catalog's 2026 range for the role, by seniority: "
        + "; ".join(SENIORITY_LABELS.values()) + ".",
        f"Fully-loaded cost = pay x {analysis.multiplier:g} (benefits, taxes, equipment).",
        f"Runway counts {analysis.runway_counts}; each hire from their start month.",
    ])
    doc.heading("Hires")
    for i, cost in enumerate(analysis.costs):
        hire = cost.hire
        name = cost.role.name if cost.role else f"{hire.role} (unknown role)"
        doc.para(f"{i + 1:>2}. {start_label(hire.start)} {name}, {hire.seniority}: "
                 f"{money(cost.annual_usd)}/yr")
    doc.heading("Totals")
    runway = ("not reached (no spend, or beyond a century)" if analysis.runway is None
              else f"{analysis.runway:.1f} months")
    doc.field("Hires", f"{analysis.hires} of a budget of {analysis.budget}")
    doc.field("Annual cost (all hires on board)", money(analysis.annual_usd))
    doc.field("Monthly burn (all hires on board)", money(analysis.monthly_usd))
    doc.field("Funding", money(plan.funding_usd))
    doc.field("Runway", runway)
    if analysis.other_monthly_usd:
        doc.field("Other spending a month", money(analysis.other_monthly_usd))
    doc.heading("Teams")
    for team in analysis.teams:
        doc.para(f"{team.team}: {team.headcount} · {money(team.annual_usd)}/yr")
    doc.heading(f"Advice ({len(analysis.advice)})")
    if not analysis.advice:
        doc.para("Nothing to flag: every rule drawn from the article is satisfied.")
    for advice in analysis.advice:
        doc.para(f"• {advice.message}", "bold")
        doc.para(f"  {advice.reason}")
    g = plan.growth
    doc.heading(f"Growth to {g.target}")
    structure = catalog.team_structure(g.structure)
    doc.field("Structure", structure.name if structure else (g.structure or "not chosen"))
    doc.field("Headcount", ", ".join(f"{role.name if (role := catalog.role(r)) else r} {n}"
                                     for r, n in g.headcount.items() if n))
    if analysis.growth:
        doc.field("Money", growth_money_line(analysis.growth))
    doc.para(g.changes)
    return doc


class AnalysisScreen(PlanDialog):
    BINDINGS = [
        Binding("escape,ctrl+g,v,q", "close", "Close", key_display="esc", id="analysis.close"),
        Binding("j,down", "scroll('down')", "Scroll", show=False, id="analysis.down"),
        Binding("k,up", "scroll('up')", "Scroll", show=False, id="analysis.up"),
    ]

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="analysis-body"):
            yield Static(self.doc.build())

    def action_scroll(self, direction: str) -> None:
        body = self.query_one(VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()

    def action_close(self) -> None:
        self.dismiss(None)
