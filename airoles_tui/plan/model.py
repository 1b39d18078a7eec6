"""An AI org plan (the article's advanced exercise), declared once, and what each hire costs.

The plan is plain data a person typed; plan/analysis and plan/advice figure out the rest
from it and the catalog on every change. Figures are deliberately simple and stated: a point in the catalog's 2026 pay
range, times a fully-loaded multiplier, spent from the month each hire starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..catalog.records import Catalog, Role
from ..validation.schema import INT, NUM, STR, TABLE, TEXT
from .declare import declared, one_of, within
from .limits import bounded, bounded_counts, describe, in_range

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

RUNWAY_CAP_MONTHS = 1200  # "more than a century" is not a figure worth printing


_MONTH = bounded("start")  # months count from 1 (the first month)


# The plan's fields, declared once: plan/file_format derives reading, writing and checking
# from this metadata (plan/declare), and the designer's hire form its fields. A new hire field
# is one line here, plus a widget in the form only if none of the ordinary ones fits.


@dataclass(slots=True)
class Hire:
    # role is any string, not an id: an unknown or misspelt role is flagged, not refused.
    # The form's order is a planner's: the required facts first, the optional title last.
    role: str = declared(STR, required=True, label="Role (type to search)", widget="role",
                         order=1)
    title: str = declared(TEXT, "", label="Title (optional)", order=99)
    seniority: str = declared(STR, DEFAULT_SENIORITY, check=one_of(SENIORITY_POINTS),
                              label="Seniority (point in the pay range)", widget="seniority",
                              order=2)
    start: int = declared(INT, 1, check=_MONTH, label="Start: month (7) or quarter (Q3)",
                          widget="month", order=3)  # month from the raise
    team: str = declared(TEXT, "", label="Team or squad", order=4)
    deliverable_90_days: str = declared(TEXT, "", label="First-90-day deliverable",
                                        widget="text", order=5)
    rationale: str = declared(TEXT, "", label="Why this hire at this point", widget="text",
                              order=6)


@dataclass(slots=True)
class Growth:
    """The plan at 50 AI hires: the structure then, headcount per role, what changes and why."""

    target: int = declared(INT, 50, check=bounded("target"))
    structure: str = declared(TEXT, "")
    headcount: dict[str, int] = declared(TABLE, factory=dict, check=bounded_counts("headcount"))
    changes: str = declared(TEXT, "")
    # The month the plan grows to this stage; 0 = not set (no growth runway is figured).
    month: int = declared(INT, 0, omit_default=True, check=_MONTH)

    @property
    def total(self) -> int:
        return sum(self.headcount.values())


@dataclass(slots=True)
class OrgPlan:
    # The labels are the plan details dialog's (ui/screens/plan.PlanHeaderScreen).
    name: str = declared(STR, "", required=True, label="Plan name")
    company: str = declared(TEXT, "", label="Company")
    product: str = declared(TEXT, "", label="Product")
    funding_usd: int = declared(INT, 0, required=True, check=bounded("funding_usd"),
                                label="Funding raised, USD (30M, 30000000)")
    hire_budget: int = declared(INT, 15, required=True, check=bounded("hire_budget"),
                                label="Hire budget (AI/ML hires)")
    structure: str = declared(TEXT, "", label="Team structure (type to search)")
    cost_multiplier: float = declared(NUM, DEFAULT_MULTIPLIER, omit_default=True, convert=float,
                                      check=within(0, 10, "must be above 0 and at most 10"),
                                      label="Fully-loaded cost multiplier (pay x this)")
    # Spending besides the AI team, counted in runway when given (the article warns that
    # model APIs make cost unpredictable: the compute line is the planner's own estimate).
    monthly_other_burn_usd: int = declared(INT, 0, omit_default=True,
                                           check=bounded("monthly_usd"),
                                           label="Other (non-AI) burn a month, USD")
    monthly_compute_usd: int = declared(INT, 0, omit_default=True, check=bounded("monthly_usd"),
                                        label="Compute and model APIs a month, USD")
    hires: list[Hire] = declared(Hire, factory=list, many=True)
    growth: Growth = declared(Growth, factory=Growth)

    def copy(self) -> OrgPlan:
        """A deep copy: hires and growth are mutable, and undo keeps snapshots."""
        return replace(self, hires=[replace(h) for h in self.hires],
                       growth=replace(self.growth, headcount=dict(self.growth.headcount)))


def blank_plan() -> OrgPlan:
    return OrgPlan(name="Untitled plan")


EXERCISE_ID = "design-ai-org"


def exercise_plan(catalog: Catalog) -> OrgPlan:
    """A blank plan holding the givens of the article's advanced exercise (the raise, the
    hire budget, the product, the growth target), each an ordinary value the user can
    overwrite. Without the exercise in the catalog (a custom catalog): a blank plan."""
    exercise = catalog.exercise(EXERCISE_ID)
    plan = blank_plan()
    if exercise is None:
        return plan

    def number(key: str, default: int, limit: str) -> int:
        value = exercise.parameter(key, default)
        return value if isinstance(value, int) and in_range(limit, value) else default

    stage = str(exercise.parameter("stage", "") or "")
    plan.name = f"{stage} AI org".strip() if stage else plan.name
    plan.company = f"{stage} startup".strip() if stage else ""
    plan.product = str(exercise.parameter("product", "") or "")
    plan.funding_usd = number("funding_usd", 0, "funding_usd")
    plan.hire_budget = number("hire_budget", plan.hire_budget, "hire_budget")
    plan.growth.target = number("grow_to", plan.growth.target, "target")
    return plan


# -- start months ----------------------------------------------------------------------------

# The plan's horizon: hires are planned against the raise, and three years is as far as a
# Series B plan reaches. A later start is taken (a file may hold one) but never silently: the
# form says which year it falls in.
HORIZON_MONTHS = 36
_START_RE = re.compile(r"^\s*(?:(m|month)\s*(\d{1,9})|(q)\s*(\d{1,9})|(\d{1,9}))\s*$",
                       re.IGNORECASE | re.ASCII)


def parse_start(text: str) -> int | None:
    """"7", "M7" or "month 7" -> 7; "Q3" -> 7 (a quarter starts on its first month)."""
    return read_start(text)[0]


def read_start(text: str) -> tuple[int | None, str]:
    """(month, note): the month, or None and why not. The note says what a quarter past the
    first year means (Q5 is month 13) and when a month is past the plan's horizon, so nothing
    changes meaning silently."""
    m = _START_RE.match(text)
    if not m:
        return None, f"{text.strip()!r} is not a month (7) or quarter (Q3)"
    note = ""
    if m.group(4):
        quarter = int(m.group(4))
        if quarter < 1:
            return None, "quarters start at Q1"
        month = 3 * (quarter - 1) + 1
        if quarter > 4:
            note = (f"Q{quarter} is M{month}: quarter {(quarter - 1) % 4 + 1} of year "
                    f"{(quarter - 1) // 4 + 1}")
    else:
        month = int(m.group(2) or m.group(5))
        if month < 1:
            return None, "months start at 1 (the month of the raise)"
    if not in_range("start", month):
        return None, f"M{month} is past what a plan can hold (months {describe('start')})"
    if month > HORIZON_MONTHS:
        note = (f"⚠ M{month} is in year {(month - 1) // 12 + 1}, past the plan's "
                f"{HORIZON_MONTHS}-month horizon")
    return month, note


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
    monthly = sorted((max(1, start), annual / 12) for start, annual in costs if annual)
    if not any(annual > 0 for _, annual in costs):
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
    if burn <= 0:
        return None
    total = month - 1 + left / burn
    return total if total <= RUNWAY_CAP_MONTHS else None


def money(usd: float) -> str:
    if abs(usd) >= 1_000_000:
        return f"${usd / 1_000_000:.2f}M"
    if abs(usd) >= 1_000:
        return f"${usd / 1_000:.0f}K"
    return f"${usd:.0f}"


_USD_RE = re.compile(r"^\s*\$?\s*([0-9][0-9,_]*(?:\.[0-9]+)?)\s*([kKmMbB]?)\s*$")


def usd_problem(text: str) -> str:
    """Why ``parse_usd`` refuses ``text`` ("" when it does not): not an amount, or more than
    a plan holds (a 21-digit figure would be saved as a file no TOML reader accepts)."""
    if parse_usd(text) is not None:
        return ""
    if _USD_RE.match(text):
        return f"more than a plan can hold (an amount {describe('funding_usd')})"
    return f"{text.strip()!r} is not an amount (30M, 30000000)"


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
    return int(round(value)) if in_range("funding_usd", value) else None  # not inf, not 1e400
