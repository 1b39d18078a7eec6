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
from ...plan.limits import describe, in_range, whole_number
from ...plan.model import (
    SENIORITY_LABELS,
    OrgPlan,
    money,
    parse_usd,
    start_label,
)
from ..panes.hire_editor import FieldRow
from ..widgets.fields import Input, TextArea
from ..widgets.text import Doc, literal
from .base import AppModalScreen

Apply = Callable[[str, object], None]



def structure_options(catalog: Catalog, current: str) -> list[tuple[object, str]]:
    options: list[tuple[object, str]] = [(literal(t.name), t.id) for t in catalog.team_structures]
    if current and current not in {t.id for t in catalog.team_structures}:
        options.append((literal(f"{current} (unknown)"), current))
    return options


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
    """


class _FormScreen(PlanDialog):
    BINDINGS = [Binding("escape,ctrl+g", "close", "Close", key_display="esc", id="form.close")]

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

    def _error(self, label_id: str, text: str) -> None:
        self.query_one(f"#{label_id}", Static).update(literal(text))


# Spending besides the AI team, counted in runway when given (blank = none).
_MONTHLY = {
    "monthly_other_burn_usd": ("monthly_other_burn_usd", "Other (non-AI) burn a month, USD"),
    "monthly_compute_usd": ("monthly_compute_usd", "Compute and model APIs a month, USD"),
}


class PlanHeaderScreen(_FormScreen):
    """Name, company, product, funding, hire budget, team structure, cost multiplier."""

    DEFAULT_CSS = """
    PlanHeaderScreen .field-pair { height: auto; }
    PlanHeaderScreen .field-pair FieldRow { width: 1fr; padding-right: 1; }
    """

    def compose(self) -> ComposeResult:
        p = self.plan
        with VerticalScroll():
            yield Static(literal("Plan (changes apply as you type; esc closes)"),
                         classes="dialog-title")
            # Pairs share a row, so the dialog leaves the designer's title line in view.
            for group in (
                [("name", "Plan name", p.name)], [("company", "Company", p.company)],
                [("product", "Product", p.product)],
                [("funding_usd", "Funding raised, USD (30M, 30000000)", str(p.funding_usd)),
                 ("hire_budget", "Hire budget (AI/ML hires)", str(p.hire_budget))],
                [("cost_multiplier", "Fully-loaded cost multiplier (pay x this)",
                  f"{p.cost_multiplier:g}")],
                [(*_MONTHLY["monthly_other_burn_usd"], str(p.monthly_other_burn_usd or "")),
                 (*_MONTHLY["monthly_compute_usd"], str(p.monthly_compute_usd or ""))],
            ):
                with Horizontal(classes="field-pair"):
                    for key, label, value in group:
                        with FieldRow():
                            yield Static(literal(label), classes="field-label",
                                         id=f"label-{key}")
                            yield Input(value, compact=True, id=f"plan-{key}")
            with FieldRow():
                yield Static(literal("Team structure"), classes="field-label")
                yield Select(structure_options(self.catalog, p.structure), compact=True,
                             value=p.structure or Select.NULL, id="plan-structure",
                             prompt="(not chosen)")

    def on_mount(self) -> None:
        self.query_one("#plan-name", Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("plan-")
        value: object = event.value
        labels = {"funding_usd": "Funding raised, USD (30M, 30000000)",
                  "hire_budget": "Hire budget (AI/ML hires)",
                  "cost_multiplier": "Fully-loaded cost multiplier (pay x this)",
                  "name": "Plan name"}
        if key == "funding_usd":
            value = parse_usd(event.value)
            if value is None:
                return self._error(f"label-{key}", f"Funding: {event.value!r} is not an amount "
                                                   f"{describe('funding_usd')}")
        elif key == "hire_budget":
            value = whole_number(event.value, "hire_budget")
            if value is None:
                return self._error(f"label-{key}", "Hire budget: a whole number "
                                                   + describe("hire_budget"))
        elif key == "cost_multiplier":
            try:
                value = float(event.value)
            except ValueError:
                value = None
            if value is None or not 0 < value <= 10:
                return self._error(f"label-{key}", "Multiplier: a number above 0, at most 10")
        elif key in _MONTHLY:
            value = parse_usd(event.value) if event.value.strip() else 0
            if value is None or not in_range("monthly_usd", value):
                return self._error(f"label-{key}", f"{event.value!r} is not an amount "
                                                   + describe("monthly_usd"))
            labels[key] = _MONTHLY[key][1]
        elif key == "name" and not event.value.strip():
            return self._error(f"label-{key}", "Plan name: must not be empty")
        if key in labels:
            self._error(f"label-{key}", labels[key])
        self.apply(key, value)

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
                yield Static(literal("Team structure then"), classes="field-label")
                yield Select(structure_options(self.catalog, g.structure), compact=True,
                             value=g.structure or Select.NULL, id="growth-structure",
                             prompt="(not chosen)")
            yield Static(id="growth-total", classes="field-label")
            for n, (role_id, name) in enumerate(roles):
                with Vertical(classes="headcount"):
                    yield Static(literal(name))
                    yield Input(str(g.headcount.get(role_id, 0) or ""), compact=True,
                                id=f"count-{n}", restrict=r"[0-9]*", max_length=4)
            with FieldRow():
                yield Static(literal("What changes and why"), classes="field-label")
                yield TextArea(g.changes, compact=True, soft_wrap=True, id="growth-changes")
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
    doc.field("Headcount", ", ".join(f"{catalog.role(r).name if catalog.role(r) else r} {n}"
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
