"""A learning plan for a target role: what is left to learn, the way in, the role at work.

Three things a person needs once they have picked a role: the key skills they have not
marked as had or skipped (those they are learning first), the article's pathway steps for
their background (or, with no background given, the pathways that lead to the role), and the
case studies where the role is seen at work. Built from the catalog and the person's marks
only, so the palette command and ``airoles-tui learn`` say the same thing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..catalog.provenance import LEGEND, OURS_TAG, is_ours
from ..catalog.records import Catalog, CaseStudy, Pathway, Role
from .progress import HAVE, LEARNING, SKIP, Progress
from .scoring import PATHWAY_MATCH_NOTE, pathway_for, pathway_match_is_ours


@dataclass(frozen=True, slots=True)
class LearningPlan:
    role: Role
    learning: tuple[str, ...]  # marked "learning": under way
    to_learn: tuple[str, ...]  # not marked at all
    have: tuple[str, ...]
    skipped: tuple[str, ...]
    background: str  # "" when none was given
    pathways: tuple[Pathway, ...]
    pathway_fits: bool  # the background's pathway names this role among its targets
    cases: tuple[CaseStudy, ...]

    @property
    def left(self) -> tuple[str, ...]:
        return self.learning + self.to_learn


def learning_plan(catalog: Catalog, progress: Progress, role: Role,
                  background: str = "") -> LearningPlan:
    marks = progress.of_role(role)
    by = {state: tuple(s for s in role.key_skills if marks.get(s) == state)
          for state in (HAVE, LEARNING, SKIP)}
    unmarked = tuple(s for s in role.key_skills if s not in marks)
    pathways: tuple[Pathway, ...]
    if background:
        own = pathway_for(catalog, background)
        pathways = (own,) if own is not None else ()
    else:
        pathways = tuple(p for p in catalog.pathways if role.id in p.targets)
    fits = any(role.id in p.targets for p in pathways)
    return LearningPlan(role, by[LEARNING], unmarked, by[HAVE], by[SKIP], background,
                        pathways, fits, tuple(catalog.cases_for_role(role.id)))


def find_role(catalog: Catalog, text: str) -> Role | None:
    """A role by id, name, abbreviation or alias, in any case."""
    want = " ".join(text.split()).casefold()
    for role in catalog.roles:
        names = (role.id, role.name, role.abbreviation, *role.aliases)
        if any(n and n.casefold() == want for n in names):
            return role
    return None


def close_roles(catalog: Catalog, text: str, n: int = 3) -> list[str]:
    """Role ids that look like what was typed, for the "did you mean" of an unknown role."""
    ids = {r.id: r.id for r in catalog.roles} | {r.name.casefold(): r.id for r in catalog.roles}
    found = difflib.get_close_matches(text.casefold(), list(ids), n=n, cutoff=0.5)
    return list(dict.fromkeys(ids[f] for f in found))


CASE_LINK_NOTE = f"  {OURS_TAG}: the link to this role"


def plan_match_is_ours(catalog: Catalog, plan: LearningPlan) -> bool:
    """Whether the pathway shown for the background is our match, not the article's."""
    return bool(plan.background and plan.pathways) and pathway_match_is_ours(
        catalog, plan.background, plan.pathways[0])


def case_line(case: CaseStudy, title: str | None = None) -> str:
    """A case study as the plan lists it; marked when naming this role is our reading."""
    note = CASE_LINK_NOTE if is_ours(case, "roles") else ""
    return f"{title or case.title} ({case.period}): {case.summary}{note}"


def is_marked(catalog: Catalog, plan: LearningPlan) -> bool:
    """Whether the plan carries an ours mark (and so needs the legend)."""
    return plan_match_is_ours(catalog, plan) or any(is_ours(c, "roles") for c in plan.cases)


def as_lines(catalog: Catalog, plan: LearningPlan, *, markdown: bool) -> list[str]:
    """The plan as Markdown or as plain text (the same words; Markdown adds the marks-up)."""
    role = plan.role
    box = "- [ ] " if markdown else "  - "
    item = "- " if markdown else "  - "

    def heading(text: str) -> list[str]:
        return [f"## {text}", ""] if markdown else [text]

    lines = [f"# Learning plan: {role.name}" if markdown else f"Learning plan: {role.name}", ""]
    total = len(role.key_skills) - len(plan.skipped)
    lines += heading(f"Key skills still to learn ({len(plan.left)} of {total})")
    lines += [f"{box}{s} (learning)" for s in plan.learning]
    lines += [f"{box}{s}" for s in plan.to_learn]
    if not plan.left:
        lines.append("Nothing left: every key skill is marked as had or skipped.")
    if plan.have:
        lines.append(f"Already have: {'; '.join(plan.have)}.")
    if plan.skipped:
        lines.append(f"Skipped: {'; '.join(plan.skipped)}.")
    lines.append("")
    background = catalog.recommender.background(plan.background) if plan.background else None
    if background is not None:
        lines += heading(f"The article's pathway for your background ({background.label})")
    else:
        lines += heading("The article's pathways into this role")
    if plan_match_is_ours(catalog, plan):
        lines.append(PATHWAY_MATCH_NOTE)
    if background is not None and plan.pathways and not plan.pathway_fits:
        targets = ", ".join(_name(catalog, t) for t in plan.pathways[0].targets)
        lines.append(f"It leads to {targets}, not to {role.name}; its steps still show the "
                     "way in from your background.")
    for pathway in plan.pathways:
        lines.append(f"{pathway.name}:")
        lines += [f"{n}. {step}" if markdown else f"  {n}. {step}"
                  for n, step in enumerate(pathway.steps, start=1)]
    if not plan.pathways:
        lines.append("The article describes no pathway that leads to this role.")
    lines.append("")
    lines += heading("Case studies that show the role at work")
    for case in plan.cases:
        lines.append(item + case_line(case, f"**{case.title}**" if markdown else None))
    if not plan.cases:
        lines.append("No case study in the catalog names this role.")
    if is_marked(catalog, plan):
        lines += ["", LEGEND]
    return lines


def _name(catalog: Catalog, role_id: str) -> str:
    role = catalog.role(role_id)
    return role.name if role else role_id
