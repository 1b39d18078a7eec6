"""What changed between two plans: the question a what-if is asked to answer.

Hires are matched by role and title first (the same person, renamed nowhere), then by role
alone in plan order, so a hire whose title changed is still "the same hire, changed", and
only what cannot be matched counts as added or removed. The money is compared through the
analysis, so the deltas are those the designer shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalog.records import Catalog
from .analysis import Analysis, analyse
from .model import Hire, OrgPlan, money, start_label
from ..controls import json_text, visible
from .report import md_text as _md_text


ARROW = "→"


@dataclass(frozen=True, slots=True)
class HireChange:
    before: int | None  # index in plan A, None when added
    after: int | None  # index in plan B, None when removed
    label: str
    changes: tuple[str, ...] = ()  # "start M3 → M5", "order 4 → 2", "team A → B", ...

    @property
    def number(self) -> int:
        """The hire's number as the lists show it: in plan B, or in A for a removed hire."""
        at = self.after if self.after is not None else self.before
        assert at is not None, "a change is in plan A, plan B or both"
        return at + 1


@dataclass(frozen=True, slots=True)
class PlanDiff:
    a: OrgPlan
    b: OrgPlan
    analysis_a: Analysis
    analysis_b: Analysis
    added: tuple[HireChange, ...]
    removed: tuple[HireChange, ...]
    changed: tuple[HireChange, ...]
    plan_changes: tuple[str, ...]
    growth_changes: tuple[str, ...] = field(default=())

    @property
    def same(self) -> bool:
        return not (self.added or self.removed or self.changed or self.plan_changes
                    or self.growth_changes)


def _label(hire: Hire, catalog: Catalog) -> str:
    role = catalog.role(hire.role)
    name = role.name if role else hire.role
    return f"{name} ({hire.title})" if hire.title else name


def _match(a: list[Hire], b: list[Hire]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    free_b = list(range(len(b)))
    for key in (lambda h: (h.role, h.title.strip()), lambda h: h.role):
        for i, hire in enumerate(a):
            if any(p[0] == i for p in pairs):
                continue
            j = next((j for j in free_b if key(b[j]) == key(hire)), None)
            if j is not None:
                pairs.append((i, j))
                free_b.remove(j)
    return sorted(pairs)


_HIRE_FIELDS = (("start", "start", start_label), ("seniority", "seniority", str),
                ("team", "team", lambda v: repr(v) if v else "(none)"),
                ("title", "title", lambda v: repr(v) if v else "(none)"))


def _words(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def compare(a: OrgPlan, b: OrgPlan, catalog: Catalog) -> PlanDiff:
    pairs = _match(a.hires, b.hires)
    matched_a = {i for i, _ in pairs}
    matched_b = {j for _, j in pairs}
    changed = []
    # Order: a hire moved when its place among the matched hires changed (not when a hire
    # was added or removed before it).
    rank_b = {j: r for r, j in enumerate(sorted(matched_b))}
    for rank_a, (i, j) in enumerate(pairs):
        old, new = a.hires[i], b.hires[j]
        notes = []
        if rank_b[j] != rank_a:
            notes.append(f"order {i + 1} {ARROW} {j + 1}")
        for attr, name, show in _HIRE_FIELDS:
            if getattr(old, attr) != getattr(new, attr):
                notes.append(f"{name} {show(getattr(old, attr))} {ARROW} "
                             f"{show(getattr(new, attr))}")
        for attr in ("deliverable_90_days", "rationale"):
            if getattr(old, attr).strip() != getattr(new, attr).strip():
                notes.append(f"{attr.replace('_', ' ')} rewritten")
        if notes:
            changed.append(HireChange(i, j, _label(new, catalog), tuple(notes)))
    added = tuple(HireChange(None, j, _label(h, catalog), (start_label(h.start),))
                  for j, h in enumerate(b.hires) if j not in matched_b)
    removed = tuple(HireChange(i, None, _label(h, catalog), (start_label(h.start),))
                    for i, h in enumerate(a.hires) if i not in matched_a)
    plan_changes = tuple(
        f"{name}: {show(getattr(a, attr))} {ARROW} {show(getattr(b, attr))}"
        for attr, name, show in (("name", "name", _words), ("structure", "structure", _words),
                                 ("funding_usd", "funding", money),
                                 ("hire_budget", "hire budget", str),
                                 ("cost_multiplier", "cost multiplier", str),
                                 ("monthly_other_burn_usd", "other monthly burn", money),
                                 ("monthly_compute_usd", "compute/API a month", money))
        if getattr(a, attr) != getattr(b, attr))
    growth = []
    ga, gb = a.growth, b.growth
    for attr, name in (("target", "target"), ("structure", "structure"), ("month", "month")):
        if getattr(ga, attr) != getattr(gb, attr):
            growth.append(f"{name}: {_words(getattr(ga, attr))} {ARROW} "
                          f"{_words(getattr(gb, attr))}")
    for role in sorted(set(ga.headcount) | set(gb.headcount)):
        x, y = ga.headcount.get(role, 0), gb.headcount.get(role, 0)
        if x != y:
            growth.append(f"{role}: {x} {ARROW} {y} ({y - x:+d})")
    if ga.changes.strip() != gb.changes.strip():
        growth.append("what changes and why: rewritten")
    return PlanDiff(a, b, analyse(a, catalog), analyse(b, catalog), added, removed,
                    tuple(changed), plan_changes, tuple(growth))


def _runway(value: float | None) -> str:
    return "never runs out" if value is None else f"{value:.1f} months"


def _delta_months(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "" if a == b else " (changed)"
    return f" ({b - a:+.1f})"


def money_lines(d: PlanDiff) -> list[tuple[str, str, str, str]]:
    """(what, A, B, delta) for the figures a board asks about."""
    x, y = d.analysis_a, d.analysis_b
    rows = [
        ("hires", str(x.hires), str(y.hires), f"{y.hires - x.hires:+d}"),
        ("yearly cost", money(x.annual_usd), money(y.annual_usd),
         ("+" if y.annual_usd >= x.annual_usd else "-") + money(abs(y.annual_usd - x.annual_usd))),
        ("runway", _runway(x.runway), _runway(y.runway),
         _delta_months(x.runway, y.runway).strip(" ()") or "0"),
    ]
    gx, gy = x.growth, y.growth
    if gx or gy:
        rows.append(("growth yearly cost", money(gx.annual_usd) if gx else "-",
                     money(gy.annual_usd) if gy else "-",
                     ("+" if (gy.annual_usd if gy else 0) >= (gx.annual_usd if gx else 0)
                      else "-") + money(abs((gy.annual_usd if gy else 0)
                                            - (gx.annual_usd if gx else 0)))))
        rows.append(("runway when grown", _runway(gx.runway) if gx else "-",
                     _runway(gy.runway) if gy else "-",
                     _delta_months(gx.runway if gx else None,
                                   gy.runway if gy else None).strip(" ()") or "0"))
    return rows


def diff_markdown(d: PlanDiff, name_a: str, name_b: str) -> str:
    lines = [f"# {_md_text(d.a.name)} {ARROW} {_md_text(d.b.name)}", "",
             f"A: {_md_text(name_a)}  ", f"B: {_md_text(name_b)}", ""]
    if d.same:
        lines += ["The two plans are the same.", ""]
    lines += ["## Money", "", "| | A | B | change |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {w} | {x} | {y} | {c} |" for w, x, y, c in money_lines(d)]
    lines.append("")
    for title, items in (("Plan", d.plan_changes), ("Growth", d.growth_changes)):
        if items:
            lines += [f"## {title}", "", *(f"- {_md_text(i)}" for i in items), ""]
    for title, hires in (("Hires added", d.added), ("Hires removed", d.removed),
                         ("Hires changed", d.changed)):
        if hires:
            lines += [f"## {title}", ""]
            for h in hires:
                lines.append(f"- {h.number}. {_md_text(h.label)}: "
                             + _md_text("; ".join(h.changes)))
            lines.append("")
    return visible("\n".join(lines).rstrip() + "\n")


def diff_json(d: PlanDiff, name_a: str, name_b: str) -> str:
    def hire(h: HireChange) -> dict[str, Any]:
        return {"before": None if h.before is None else h.before + 1,
                "after": None if h.after is None else h.after + 1,
                "hire": h.label, "changes": list(h.changes)}

    x, y = d.analysis_a, d.analysis_b
    data = {
        "a": name_a, "b": name_b, "same": d.same,
        "hires_added": [hire(h) for h in d.added],
        "hires_removed": [hire(h) for h in d.removed],
        "hires_changed": [hire(h) for h in d.changed],
        "plan_changes": list(d.plan_changes), "growth_changes": list(d.growth_changes),
        "annual_usd": {"a": round(x.annual_usd, 2), "b": round(y.annual_usd, 2),
                       "delta": round(y.annual_usd - x.annual_usd, 2)},
        "runway_months": {"a": None if x.runway is None else round(x.runway, 2),
                          "b": None if y.runway is None else round(y.runway, 2)},
        "growth_runway_months": {
            "a": None if not x.growth or x.growth.runway is None else round(x.growth.runway, 2),
            "b": None if not y.growth or y.growth.runway is None else round(y.growth.runway, 2)},
    }
    return json_text(data) + "\n"
