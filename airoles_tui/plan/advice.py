"""What the article would say about a plan: the catalog's advice rules applied to it.

The rules are data (the catalog's advice.toml: which check, its roles and structures, the
words, the article's sentence), so a company catalog given with --data-dir gets advice about
its own roles. This module holds only the checks the rules can name (catalog/records'
ADVICE_CHECKS), and the few consistency checks between a plan and the catalog it is read
against (a role or structure the catalog does not have), which are facts, not advice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..catalog.provenance import mark
from ..catalog.records import AdviceRule, Catalog
from .model import OrgPlan


@dataclass(frozen=True, slots=True)
class Advice:
    """One observation about the plan, with the reason for it and the article's sentence."""

    kind: str  # the rule's id (stable, for tests and for people filtering the report)
    message: str
    reason: str
    hire: int | None = None  # index into plan.hires when it is about one hire
    quote: str = ""


@dataclass(frozen=True, slots=True)
class _Context:
    plan: OrgPlan
    catalog: Catalog
    runway: float | None  # months the money lasts, None when it never runs out


Found = Iterator[tuple[dict[str, object], int | None]]


def _first_start(plan: OrgPlan, roles: tuple[str, ...]) -> int | None:
    starts = [h.start for h in plan.hires if h.role in roles]
    return min(starts) if starts else None


def _hire_values(ctx: _Context, i: int) -> dict[str, object]:
    hire = ctx.plan.hires[i]
    role = ctx.catalog.role(hire.role)
    return {"n": i + 1, "role": role.name if role else hire.role, "start": hire.start}


def _over_budget(rule: AdviceRule, ctx: _Context) -> Found:
    n, budget = len(ctx.plan.hires), ctx.plan.hire_budget
    if budget and n > budget:
        yield {"hires": n, "budget": budget, "over": n - budget}, None


def _missing_deliverable(rule: AdviceRule, ctx: _Context) -> Found:
    for i, hire in enumerate(ctx.plan.hires):
        if not hire.deliverable_90_days.strip():
            yield _hire_values(ctx, i), i


def _starts_after_runway(rule: AdviceRule, ctx: _Context) -> Found:
    if ctx.runway is None:
        return
    for i, hire in enumerate(ctx.plan.hires):
        if hire.start - 1 >= ctx.runway:  # month s begins s - 1 months after the raise
            yield {**_hire_values(ctx, i), "runway": math.ceil(ctx.runway)}, i


def _deliverable_needs_roles(rule: AdviceRule, ctx: _Context) -> Found:
    first = _first_start(ctx.plan, rule.roles)
    for i, hire in enumerate(ctx.plan.hires):
        if hire.role in rule.roles or (first is not None and hire.start >= first):
            continue
        text = hire.deliverable_90_days.lower()
        keyword = next((k for k in rule.keywords if k.lower() in text), None)
        if keyword:
            yield {**_hire_values(ctx, i), "keyword": keyword,
                   "first": "none planned" if first is None else f"the first starts M{first}"}, i


def _roles_before(rule: AdviceRule, ctx: _Context) -> Found:
    first, first_before = _first_start(ctx.plan, rule.roles), _first_start(
        ctx.plan, rule.before_roles)
    if first is not None and first_before is not None and first_before > first:
        index = next(i for i, h in enumerate(ctx.plan.hires)
                     if h.role in rule.before_roles and h.start == first_before)
        yield {"first": first, "first_before": first_before}, index


def _roles_without(rule: AdviceRule, ctx: _Context) -> Found:
    if (_first_start(ctx.plan, rule.roles) is not None
            and _first_start(ctx.plan, rule.before_roles) is None):
        yield {}, None


def _no_structure(rule: AdviceRule, ctx: _Context) -> Found:
    if not ctx.plan.structure:
        yield {}, None


def _structure_over_limit(rule: AdviceRule, ctx: _Context) -> Found:
    model, limit_model = (ctx.catalog.team_structure(rule.structure),
                          ctx.catalog.team_structure(rule.limit_of))
    n = len(ctx.plan.hires)
    if (ctx.plan.structure != rule.structure or model is None or limit_model is None
            or limit_model.max_practitioners is None):
        return
    # max_practitioners is an inclusive maximum ("fewer than 10" is 9).
    if n > limit_model.max_practitioners:
        # Catalog text quoted in advice keeps its ours mark, in the designer and the exports.
        yield {"n": n, "limit": limit_model.max_practitioners, "structure_name": model.name,
               "fits_when": mark(model, "fits_when", model.fits_when),
               "risk": mark(model, "risks", model.risks[0]) if model.risks
               else "it stops fitting"}, None


def _structure_needs_team(rule: AdviceRule, ctx: _Context) -> Found:
    model = ctx.catalog.team_structure(rule.structure)
    if ctx.plan.structure != rule.structure or not ctx.plan.hires:
        return
    words = [k.lower() for k in rule.keywords]
    if not any(h.role in rule.roles and any(w in h.team.lower() for w in words)
               for h in ctx.plan.hires):
        yield {"structure_name": model.name if model else rule.structure}, None


def _no_growth(rule: AdviceRule, ctx: _Context) -> Found:
    g = ctx.plan.growth
    if not g.structure and not g.headcount and not g.changes.strip():
        yield {"target": g.target}, None


def _growth_structure(rule: AdviceRule, ctx: _Context) -> Found:
    g = ctx.plan.growth
    limit_model = ctx.catalog.team_structure(rule.limit_of)
    if (g.structure and g.structure != rule.structure and limit_model is not None
            and limit_model.max_practitioners is not None
            and g.target > limit_model.max_practitioners):
        yield {"target": g.target, "growth_structure": g.structure}, None


def _growth_total(rule: AdviceRule, ctx: _Context) -> Found:
    g = ctx.plan.growth
    if g.headcount and g.total != g.target:
        yield {"total": g.total, "target": g.target}, None


CHECKS: dict[str, Callable[[AdviceRule, _Context], Found]] = {
    "over-budget": _over_budget,
    "missing-deliverable": _missing_deliverable,
    "starts-after-runway": _starts_after_runway,
    "deliverable-needs-roles": _deliverable_needs_roles,
    "roles-before": _roles_before,
    "roles-without": _roles_without,
    "no-structure": _no_structure,
    "structure-over-limit": _structure_over_limit,
    "structure-needs-team": _structure_needs_team,
    "no-growth": _no_growth,
    "growth-structure": _growth_structure,
    "growth-total": _growth_total,
}


def advise(plan: OrgPlan, catalog: Catalog, runway: float | None = None) -> list[Advice]:
    """The catalog's rules in file order, after the plan's consistency with the catalog."""
    out = _consistency(plan, catalog)
    ctx = _Context(plan, catalog, runway)
    for rule in catalog.advice:
        check = CHECKS.get(rule.check)
        if check is None:  # a cached catalog from a newer program: skip, never crash
            continue
        for values, hire in check(rule, ctx):
            out.append(Advice(rule.id, rule.message.format(**values),
                              rule.reason.format(**values), hire, rule.quote))
    return out


def _consistency(plan: OrgPlan, catalog: Catalog) -> list[Advice]:
    out: list[Advice] = []
    for i, hire in enumerate(plan.hires):
        role = catalog.role(hire.role)
        if role is None:
            out.append(Advice(
                "unknown-role", f"Hire {i + 1}: unknown role {hire.role!r}",
                "The catalog has no such role, so it has no pay range or description; "
                "choose a catalog role (its cost counts as $0 until then).", i))
        elif role.compensation is None:
            out.append(Advice(
                "no-pay-range", f"Hire {i + 1}: no 2026 pay range for {hire.role}",
                "The catalog gives this role no range, so its cost counts as $0.", i))
    if plan.structure and catalog.team_structure(plan.structure) is None:
        out.append(Advice("unknown-structure", f"Unknown team structure {plan.structure!r}",
                          "The catalog knows: "
                          + ", ".join(t.id for t in catalog.team_structures)))
    for role_id in plan.growth.headcount:
        if catalog.role(role_id) is None:
            out.append(Advice("growth-unknown-role",
                              f"Growth headcount names unknown role {role_id!r}",
                              "Use a catalog role id so the headcount can be costed."))
    return out
