"""An AI org plan (the article's advanced exercise) and what the catalog says about it.

The plan is plain data a person typed; the analysis (cost, runway, advice) is recomputed from
it and the catalog on every change, so it can never disagree with what is on screen or in a
saved file. Figures are deliberately simple and stated: a point in the catalog's 2026 pay
range, times a fully-loaded multiplier, spent from the month each hire starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..catalog.records import Catalog, Role
from ..validation.schema import INT, NUM, STR, TABLE, TEXT
from .declare import at_least, counts, declared, one_of, within

# Where in a role's 2026 range each seniority sits (0 = bottom, 1 = top). Stated in the
# analysis so nobody mistakes the figure for a quote.
SENIORITY_POINTS: dict[str, float] = {"junior": 0.0, "mid": 0.5, "senior": 0.75, "lead": 1.0}
SENIORITY_LABELS: dict[str, str] = {
    "junior": "junior (bottom of range)",
    "mid": "mid (midpoint)",
    "senior": "senior (3/4 up the range)",
    "lead": "lead (top of range)",
}
DEFAULT_SENIORITY = "mid"
DEFAULT_MULTIPLIER = 1.3  # salary -> fully loaded (benefits, payroll tax, equipment)

STRUCTURE_IDS = ("centralised", "embedded", "hub-and-spoke")
# The article's modelling roles: data work should be in place before (or with) them.
MODELLING_ROLES = frozenset({
    "data-scientist", "applied-scientist", "ai-research-scientist", "research-engineer",
    "ml-engineer",
})
DATA_ROLES = frozenset({"data-engineer"})
PLATFORM_ROLES = frozenset({"mlops-engineer", "ml-engineer", "data-engineer"})
# Centralised stops fitting beyond this many practitioners unless the catalog says otherwise.
FALLBACK_CENTRAL_LIMIT = 10
RUNWAY_CAP_MONTHS = 1200  # "more than a century" is not a figure worth printing


_MONTH = at_least(1, "months count from 1 (the first month)")


# The plan's fields, declared once: plan/file_format derives reading, writing and checking
# from this metadata (plan/declare). A new hire field is one line here, plus a widget in the
# form if it needs one.


@dataclass(slots=True)
class Hire:
    # role is any string, not an id: an unknown or misspelt role is flagged, not refused.
    role: str = declared(STR, required=True)
    title: str = declared(TEXT, "")
    seniority: str = declared(STR, DEFAULT_SENIORITY, check=one_of(SENIORITY_POINTS))
    start: int = declared(INT, 1, check=_MONTH)  # month from the raise
    team: str = declared(TEXT, "")
    deliverable_90_days: str = declared(TEXT, "")
    rationale: str = declared(TEXT, "")


@dataclass(slots=True)
class Growth:
    """The plan at 50 AI hires: the structure then, headcount per role, what changes and why."""

    target: int = declared(INT, 50)
    structure: str = declared(TEXT, "")
    headcount: dict[str, int] = declared(
        TABLE, factory=dict, check=counts("expected a whole number of people"))
    changes: str = declared(TEXT, "")
    # The month the plan grows to this stage; 0 = not set (no growth runway is figured).
    month: int = declared(INT, 0, omit_default=True, check=_MONTH)

    @property
    def total(self) -> int:
        return sum(self.headcount.values())


@dataclass(slots=True)
class OrgPlan:
    name: str = declared(STR, "", required=True)
    company: str = declared(TEXT, "")
    product: str = declared(TEXT, "")
    funding_usd: int = declared(INT, 0, required=True, check=at_least(0, "must not be negative"))
    hire_budget: int = declared(INT, 15, required=True,
                                check=at_least(0, "must not be negative"))
    structure: str = declared(TEXT, "")
    cost_multiplier: float = declared(NUM, DEFAULT_MULTIPLIER, omit_default=True, convert=float,
                                      check=within(0, 10, "must be above 0 and at most 10"))
    # Spending besides the AI team, counted in runway when given (the article warns that
    # model APIs make cost unpredictable: the compute line is the planner's own estimate).
    monthly_other_burn_usd: int = declared(INT, 0, omit_default=True,
                                           check=at_least(0, "must not be negative"))
    monthly_compute_usd: int = declared(INT, 0, omit_default=True,
                                        check=at_least(0, "must not be negative"))
    hires: list[Hire] = declared(Hire, factory=list, many=True)
    growth: Growth = declared(Growth, factory=Growth)

    def copy(self) -> OrgPlan:
        """A deep copy: hires and growth are mutable, and undo keeps snapshots."""
        return replace(self, hires=[replace(h) for h in self.hires],
                       growth=replace(self.growth, headcount=dict(self.growth.headcount)))


def blank_plan() -> OrgPlan:
    return OrgPlan(name="Untitled plan")


# -- start months ----------------------------------------------------------------------------

_START_RE = re.compile(r"^\s*(?:(m|month)\s*(\d+)|(q)\s*(\d+)|(\d+))\s*$", re.IGNORECASE)


def parse_start(text: str) -> int | None:
    """"7", "M7" or "month 7" -> 7; "Q3" -> 7 (a quarter starts on its first month)."""
    m = _START_RE.match(text)
    if not m:
        return None
    if m.group(4):
        quarter = int(m.group(4))
        return 3 * (quarter - 1) + 1 if quarter >= 1 else None
    month = int(m.group(2) or m.group(5))
    return month if month >= 1 else None


def start_label(month: int) -> str:
    return f"M{month} (Q{(month - 1) // 3 + 1})"


# -- cost ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HireCost:
    hire: Hire
    role: Role | None
    salary_usd: float  # the chosen point of the range, before loading
    annual_usd: float  # fully loaded

    @property
    def known(self) -> bool:
        return self.role is not None and self.role.compensation is not None


def hire_cost(hire: Hire, catalog: Catalog, multiplier: float = DEFAULT_MULTIPLIER) -> HireCost:
    role = catalog.role(hire.role)
    if role is None or role.compensation is None:
        return HireCost(hire, role, 0.0, 0.0)
    comp = role.compensation
    point = SENIORITY_POINTS.get(hire.seniority, SENIORITY_POINTS[DEFAULT_SENIORITY])
    salary = comp.min_usd + point * (comp.max_usd - comp.min_usd)
    return HireCost(hire, role, salary, salary * multiplier)


def runway_months(funding_usd: float, costs: list[tuple[int, float]]) -> float | None:
    """Months the funding lasts paying each (start month, annual cost) from its start month.

    Spending is even within a month. None when nothing is spent (an empty plan never runs
    out) or when the money outlasts RUNWAY_CAP_MONTHS.
    """
    monthly = sorted((max(1, start), annual / 12) for start, annual in costs if annual > 0)
    if not monthly:
        return None
    left = float(funding_usd)
    if left <= 0:
        return 0.0
    burn = 0.0
    month = 1  # the month we are about to pay for
    i = 0
    while i < len(monthly):
        next_start = monthly[i][0]
        # Pay whole months at the current burn until the next hire starts.
        if next_start > month:
            span = next_start - month
            if burn > 0 and burn * span >= left:
                return month - 1 + left / burn
            left -= burn * span
            month = next_start
        while i < len(monthly) and monthly[i][0] == month:
            burn += monthly[i][1]
            i += 1
    total = month - 1 + left / burn
    return total if total <= RUNWAY_CAP_MONTHS else None


# -- advice ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Advice:
    """One observation about the plan, with the article's reason for it."""

    kind: str  # stable id, for tests and for people filtering the report
    message: str
    reason: str
    hire: int | None = None  # index into plan.hires when it is about one hire


@dataclass(frozen=True, slots=True)
class Analysis:
    hires: int
    budget: int
    costs: tuple[HireCost, ...]
    annual_usd: float
    monthly_usd: float
    runway: float | None
    multiplier: float
    advice: tuple[Advice, ...]

    def summary(self) -> str:
        runway = "runway n/a" if self.runway is None else f"runway {self.runway:.0f} mo"
        notes = f"{len(self.advice)} note{'s' if len(self.advice) != 1 else ''}"
        return (f"{self.hires}/{self.budget} hires · {money(self.annual_usd)}/yr · "
                f"{money(self.monthly_usd)}/mo · {runway} · {notes}")


def money(usd: float) -> str:
    if abs(usd) >= 1_000_000:
        return f"${usd / 1_000_000:.2f}M"
    if abs(usd) >= 1_000:
        return f"${usd / 1_000:.0f}K"
    return f"${usd:.0f}"


def analyse(plan: OrgPlan, catalog: Catalog) -> Analysis:
    costs = tuple(hire_cost(h, catalog, plan.cost_multiplier) for h in plan.hires)
    annual = sum(c.annual_usd for c in costs)
    runway = runway_months(plan.funding_usd, [(h.start, c.annual_usd)
                                              for h, c in zip(plan.hires, costs, strict=True)])
    return Analysis(
        hires=len(plan.hires), budget=plan.hire_budget, costs=costs, annual_usd=annual,
        monthly_usd=annual / 12, runway=runway, multiplier=plan.cost_multiplier,
        advice=tuple(advise(plan, catalog)),
    )


def advise(plan: OrgPlan, catalog: Catalog) -> list[Advice]:
    out: list[Advice] = []
    hires = plan.hires
    n = len(hires)
    if plan.hire_budget and n > plan.hire_budget:
        out.append(Advice(
            "over-budget", f"{n} hires, budget is {plan.hire_budget}",
            f"The plan is {n - plan.hire_budget} over its hire budget: cut or defer a hire."))
    for i, hire in enumerate(hires):
        if catalog.role(hire.role) is None:
            out.append(Advice(
                "unknown-role", f"Hire {i + 1}: unknown role {hire.role!r}",
                "The catalog has no such role, so it has no pay range or description; "
                "choose a catalog role (its cost counts as $0 until then).", i))
        elif catalog.role(hire.role).compensation is None:  # type: ignore[union-attr]
            out.append(Advice(
                "no-pay-range", f"Hire {i + 1}: no 2026 pay range for {hire.role}",
                "The catalog gives this role no range, so its cost counts as $0.", i))
    for i, hire in enumerate(hires):
        if not hire.deliverable_90_days.strip():
            out.append(Advice(
                "no-deliverable", f"Hire {i + 1} has no 90-day deliverable",
                "The exercise asks what each person delivers in their first 90 days: "
                "without it the hire has no agreed measure of early success.", i))
    out.extend(_structure_advice(plan, catalog))
    out.extend(_data_first_advice(plan))
    out.extend(_growth_advice(plan, catalog))
    return out


def _structure_advice(plan: OrgPlan, catalog: Catalog) -> list[Advice]:
    out: list[Advice] = []
    n = len(plan.hires)
    if not plan.structure:
        return [Advice("no-structure", "No team structure chosen",
                       "The article's three models (centralised, embedded, hub-and-spoke) "
                       "trade expertise against alignment; pick one and say why.")]
    model = catalog.team_structure(plan.structure)
    if model is None:
        return [Advice("unknown-structure", f"Unknown team structure {plan.structure!r}",
                       "The catalog knows: " + ", ".join(t.id for t in catalog.team_structures))]
    limit = model.max_practitioners
    if plan.structure == "centralised":
        limit = limit or FALLBACK_CENTRAL_LIMIT
        if n > limit:
            risk = model.risks[0] if model.risks else "the team becomes a bottleneck"
            out.append(Advice(
                "centralised-bottleneck",
                f"Centralised with {n} practitioners (fits fewer than {limit})",
                f"{model.name} fits when: {model.fits_when}. Beyond that: {risk}. "
                "Hub-and-spoke is the model at scale."))
    elif plan.structure == "hub-and-spoke":
        if not any(h.role in PLATFORM_ROLES - {"ml-engineer"} for h in plan.hires) and n:
            out.append(Advice(
                "hub-without-platform", "Hub-and-spoke with no platform hire",
                "The hub is an ML platform team (pipelines, feature store, serving, "
                "monitoring): without a Data or MLOps Engineer there is no hub for the "
                "spokes to build on."))
    elif plan.structure == "embedded" and n > (catalog_limit(catalog)):
        out.append(Advice(
            "embedded-fragmentation", f"Embedded with {n} practitioners",
            "Embedded teams risk fragmented infrastructure, duplicated effort and "
            "inconsistent practice; at scale hub-and-spoke adds a shared platform."))
    return out


def catalog_limit(catalog: Catalog) -> int:
    central = catalog.team_structure("centralised")
    return (central.max_practitioners if central and central.max_practitioners
            else FALLBACK_CENTRAL_LIMIT)


def _data_first_advice(plan: OrgPlan) -> list[Advice]:
    def first(roles: frozenset[str]) -> tuple[int, int] | None:
        found = [(h.start, i) for i, h in enumerate(plan.hires) if h.role in roles]
        return min(found) if found else None

    modelling = first(MODELLING_ROLES)
    if modelling is None:
        return []
    data = first(DATA_ROLES)
    reason = ("Data work comes before modelling work: \"80% of ML work is data preparation\", "
              "and the fastest way to improve a model is almost always to improve its data.")
    if data is None:
        return [Advice("no-data-engineer", "Modelling hires but no Data Engineer", reason)]
    if data[0] > modelling[0]:
        return [Advice(
            "data-after-modelling",
            f"First Data Engineer starts M{data[0]}, after the first modelling hire (M"
            f"{modelling[0]})", reason, data[1])]
    return []


def _growth_advice(plan: OrgPlan, catalog: Catalog) -> list[Advice]:
    growth = plan.growth
    out: list[Advice] = []
    if not growth.structure and not growth.headcount and not growth.changes.strip():
        return [Advice("no-growth", f"No plan for growth to {growth.target}",
                       f"The exercise asks how the structure changes at {growth.target} "
                       "AI hires.")]
    if growth.structure and growth.structure != "hub-and-spoke" and (
            growth.target > catalog_limit(catalog)):
        out.append(Advice(
            "growth-not-hub",
            f"At {growth.target} hires the plan is {growth.structure}, not hub-and-spoke",
            "Hub-and-spoke (ML platform + embedded) is the dominant model at scale: "
            "Google, Meta, Spotify and Uber all use variants."))
    for role_id in growth.headcount:
        if catalog.role(role_id) is None:
            out.append(Advice("growth-unknown-role",
                              f"Growth headcount names unknown role {role_id!r}",
                              "Use a catalog role id so the headcount can be costed."))
    if growth.headcount and growth.total != growth.target:
        out.append(Advice(
            "growth-total", f"Growth headcount adds up to {growth.total}, not {growth.target}",
            "The per-role headcount should account for every hire at that stage."))
    return out


def growth_annual_usd(plan: OrgPlan, catalog: Catalog) -> float:
    """The growth stage's yearly cost at midpoints: a scale check, not a budget."""
    total = 0.0
    for role_id, count in plan.growth.headcount.items():
        cost = hire_cost(Hire(role=role_id), catalog, plan.cost_multiplier)
        total += cost.annual_usd * count
    return total


_USD_RE = re.compile(r"^\s*\$?\s*([0-9][0-9,_]*(?:\.[0-9]+)?)\s*([kKmMbB]?)\s*$")


def parse_usd(text: str) -> int | None:
    """"30000000", "$30,000,000", "30M", "2.5m" or "750k" -> whole dollars; None if not money."""
    m = _USD_RE.match(text)
    if not m:
        return None
    try:
        value = float(m.group(1).replace(",", "").replace("_", ""))
    except ValueError:
        return None
    value *= {"": 1, "k": 1e3, "m": 1e6, "b": 1e9}[m.group(2).lower()]
    return int(round(value))
