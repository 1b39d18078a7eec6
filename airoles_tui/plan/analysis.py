"""The plan's figures as a CTO reads them: cost per hire and per team, burn over time, how
long the raise lasts, and whether the growth stage fits the money.

Recomputed from the plan and the catalog on every change, so it can never disagree with what
is on screen or in a saved file. Money over time is a list of steps (month, change in monthly
spend): each hire adds its loaded pay from its start month, the plan's other burn and compute
spend run from month 1, and growing to the growth stage sets the AI team's pay to that
stage's from the month the plan gives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..catalog.records import Catalog
from .advice import Advice, advise
from .model import Hire, HireCost, OrgPlan, hire_cost, money, runway_months

NO_TEAM = "(no team)"

Steps = list[tuple[int, float]]  # (month from 1, change in monthly spend from that month)


@dataclass(frozen=True, slots=True)
class TeamRollup:
    """One team as the plan fills it: which hires, how many, their yearly cost."""

    team: str
    hires: tuple[int, ...]  # indices into plan.hires, in plan order
    annual_usd: float

    @property
    def headcount(self) -> int:
        return len(self.hires)


@dataclass(frozen=True, slots=True)
class GrowthCheck:
    """The growth stage against the money."""

    headcount: int
    annual_usd: float  # all of it on board, at midpoints, loaded
    month: int  # when the plan grows to it; 0 = not set
    runway: float | None  # months the raise lasts when growing at ``month``

    @property
    def months_left_after_growing(self) -> float | None:
        if not self.month or self.runway is None:
            return None
        return max(0.0, self.runway - (self.month - 1))


@dataclass(frozen=True, slots=True)
class Analysis:
    hires: int
    budget: int
    costs: tuple[HireCost, ...]
    annual_usd: float  # the AI team, every hire on board
    monthly_usd: float
    other_monthly_usd: float  # non-AI burn plus compute/API spend, from month 1
    runway: float | None
    runway_counts: str  # what the runway figure pays for, in words
    multiplier: float
    advice: tuple[Advice, ...]
    teams: tuple[TeamRollup, ...] = ()
    growth: GrowthCheck | None = None

    def summary(self) -> str:
        runway = "runway n/a" if self.runway is None else f"runway {self.runway:.0f} mo"
        notes = f"{len(self.advice)} note{'s' if len(self.advice) != 1 else ''}"
        return (f"{self.hires}/{self.budget} hires · {money(self.annual_usd)}/yr · "
                f"{money(self.monthly_usd)}/mo · {runway} · {notes}")

    @property
    def runs_out_month(self) -> int | None:
        """The month in which the money runs out (M1 is the first), None if it never does."""
        return None if self.runway is None else max(1, math.ceil(self.runway))


def team_rollup(plan: OrgPlan, costs: tuple[HireCost, ...]) -> tuple[TeamRollup, ...]:
    """Teams in the order their first hire appears in the plan; a blank team is one group."""
    members: dict[str, list[int]] = {}
    for i, hire in enumerate(plan.hires):
        members.setdefault(hire.team.strip() or NO_TEAM, []).append(i)
    return tuple(TeamRollup(team, tuple(ix), sum(costs[i].annual_usd for i in ix))
                 for team, ix in members.items())


def other_monthly_usd(plan: OrgPlan) -> float:
    return float(plan.monthly_other_burn_usd + plan.monthly_compute_usd)


def runway_counts(plan: OrgPlan) -> str:
    parts = [f"the AI team's pay (loaded x{plan.cost_multiplier:g})"]
    if plan.monthly_other_burn_usd:
        parts.append(f"other burn {money(plan.monthly_other_burn_usd)}/mo")
    if plan.monthly_compute_usd:
        parts.append(f"compute/API {money(plan.monthly_compute_usd)}/mo")
    if len(parts) == 1:
        parts.append("nothing else (no other burn or compute spend given)")
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def plan_steps(plan: OrgPlan, costs: tuple[HireCost, ...]) -> Steps:
    steps = [(max(1, h.start), c.annual_usd / 12)
             for h, c in zip(plan.hires, costs, strict=True)]
    if other_monthly_usd(plan):
        steps.append((1, other_monthly_usd(plan)))
    return steps


def growth_annual_usd(plan: OrgPlan, catalog: Catalog) -> float:
    """The growth stage's yearly cost at midpoints: a scale check, not a budget."""
    return sum(hire_cost(Hire(role=role_id), catalog, plan.cost_multiplier).annual_usd * count
               for role_id, count in plan.growth.headcount.items())


def growth_steps(plan: OrgPlan, costs: tuple[HireCost, ...], growth_annual: float) -> Steps:
    """The plan's steps until the growth month, then the growth stage's pay instead of the
    hires'. A plan without a growth month grows at once (month 1): the stage's own burn."""
    month = plan.growth.month or 1
    before = [(s, d) for s, d in plan_steps(plan, costs) if s < month]
    ai_before = sum(c.annual_usd / 12 for h, c in zip(plan.hires, costs, strict=True)
                    if max(1, h.start) < month)
    others = [] if month > 1 else [(1, other_monthly_usd(plan))]
    return [*before, *others, (month, growth_annual / 12 - ai_before)]


def runway_of(funding_usd: float, steps: Steps) -> float | None:
    return runway_months(funding_usd, [(month, delta * 12) for month, delta in steps])


def monthly_spend(steps: Steps, months: int) -> list[float]:
    """Spend in each month 1..months (index 0 is month 1)."""
    out = []
    for m in range(1, months + 1):
        out.append(max(0.0, sum(d for s, d in steps if s <= m)))
    return out


def hire_costs(plan: OrgPlan, catalog: Catalog) -> tuple[HireCost, ...]:
    return tuple(hire_cost(h, catalog, plan.cost_multiplier) for h in plan.hires)


def yearly_cost(plan: OrgPlan, catalog: Catalog) -> float:
    """The AI team's yearly cost with every hire on board (loaded): the figure a list of plans
    shows, the same as the designer's summary line."""
    return sum(c.annual_usd for c in hire_costs(plan, catalog))


def hires_and_cost(plan: OrgPlan, catalog: Catalog) -> str:
    """"15 hires · $5.10M/yr": a plan in a list of plans."""
    n = len(plan.hires)
    return f"{n} hire{'' if n == 1 else 's'} · {money(yearly_cost(plan, catalog))}/yr"


def analyse(plan: OrgPlan, catalog: Catalog) -> Analysis:
    costs = hire_costs(plan, catalog)
    annual = sum(c.annual_usd for c in costs)
    runway = runway_of(plan.funding_usd, plan_steps(plan, costs))
    growth = None
    if plan.growth.headcount:
        g_annual = growth_annual_usd(plan, catalog)
        growth = GrowthCheck(plan.growth.total, g_annual, plan.growth.month,
                             runway_of(plan.funding_usd, growth_steps(plan, costs, g_annual)))
    return Analysis(
        hires=len(plan.hires), budget=plan.hire_budget, costs=costs, annual_usd=annual,
        monthly_usd=annual / 12, other_monthly_usd=other_monthly_usd(plan), runway=runway,
        runway_counts=runway_counts(plan), multiplier=plan.cost_multiplier,
        advice=tuple(advise(plan, catalog, runway)), teams=team_rollup(plan, costs),
        growth=growth,
    )


def growth_money_line(g: GrowthCheck) -> str:
    """The growth stage against the raise, in one line (designer, reports)."""
    cost = f"{g.headcount} people cost {money(g.annual_usd)}/yr"
    if g.runway is None:
        return f"{cost}; the raise outlasts it"
    if not g.month:
        return (f"{cost}; from month 1 the raise would last {g.runway:.1f} months "
                "(set the month the plan grows to it)")
    return (f"{cost}; growing at M{g.month}, the money runs out in M{math.ceil(g.runway)}, "
            f"{g.months_left_after_growing:.1f} months after growing")
