"""A role's full card, as the Roles pane shows it beside the tree."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from ...catalog.records import Catalog, Compensation, Family, Role
from ..widgets.text import BULLET, Doc

# A marked key skill: a glyph before it and the state's word after it (not colour alone).
SKILL_GLYPHS = {"have": "✓ ", "learning": "~ ", "skip": "- "}


def money(usd: int) -> str:
    return f"${usd:,}"


def pay_line(comp: Compensation) -> str:
    plus = "+" if comp.open_ended else ""
    line = f"{money(comp.min_usd)} – {money(comp.max_usd)}{plus} a year"
    return f"{line} ({comp.basis})" if comp.basis else line


def role_card(catalog: Catalog, role: Role, marks: Mapping[str, str] | None = None) -> Content:
    """The card; ``marks`` (key skill -> have / learning / skip) show on its key skills."""
    family = next((f.name for f in catalog.families if f.id == role.family), role.family)
    name = f"{role.name} ({role.abbreviation})" if role.abbreviation else role.name
    doc = Doc().title(name, family)
    doc.para(role.summary)
    doc.heading("Primary focus").para(role.primary_focus)
    doc.heading("2026 compensation")
    if role.compensation:
        doc.para(pay_line(role.compensation))
        doc.bullets(role.compensation.notes)
    else:
        doc.para("The article gives no figure for this role.")
    doc.section("Day-to-day", role.day_to_day)
    doc.section("Focus areas", role.focus_areas)
    if marks:
        have = sum(1 for m in marks.values() if m == "have")
        goal = len(role.key_skills) - sum(1 for m in marks.values() if m == "skip")
        doc.heading(f"Key skills: you have {have}/{goal} (s marks them)")
        for skill in role.key_skills:
            state = marks.get(skill)
            doc.bullets([f"{skill} ({state})" if state else skill],
                        marker=SKILL_GLYPHS.get(state or "", BULLET))
    else:
        doc.section("Key skills", role.key_skills)
    doc.section("Typical background", role.background)
    doc.section("Key challenges", role.challenges)
    contrasts = []
    for c in role.differs_from:
        other = catalog.role(c.role)
        contrasts.append(f"vs {other.name if other else c.role}: {c.text}")
    doc.section("How it differs from its neighbours", contrasts)
    doc.section("Path in", role.path_in)
    doc.section("Why it matters", role.why_it_matters)
    doc.section("Career insight", role.insight)
    doc.section("Future trajectory", role.future)
    doc.section("Example contribution", role.example)
    doc.section("Tools named", ", ".join(role.tools))
    doc.section("Where this role works", ", ".join(role.employers))
    cases = catalog.cases_for_role(role.id)
    doc.section("Case studies", [f"{c.title} ({c.period})" for c in cases])
    return doc.build()


def family_card(catalog: Catalog, family: Family) -> Content:
    doc = Doc().title(family.name, "role family")
    doc.para(family.summary)
    roles = catalog.roles_in(family.id)
    doc.heading(f"{len(roles)} roles")
    doc.bullets(
        f"{r.name}: {r.primary_focus}" + (f" ({r.compensation.label()})" if r.compensation else "")
        for r in roles
    )
    return doc.build()
