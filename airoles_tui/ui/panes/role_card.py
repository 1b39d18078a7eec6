"""A role's full card, as the Roles pane shows it beside the tree."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from ...catalog.provenance import OURS_TAG, Marks, is_ours
from ...catalog.records import Catalog, Family, Role
from ..widgets.provenance import sign
from ..widgets.text import BULLET, Doc

# A marked key skill: a glyph before it and the state's word after it (not colour alone).
SKILL_GLYPHS = {"have": "✓ ", "learning": "~ ", "skip": "- "}


def role_card(catalog: Catalog, role: Role, marks: Mapping[str, str] | None = None) -> Content:
    """The card; ``marks`` (key skill -> have / learning / skip) show on its key skills."""
    family = next((f.name for f in catalog.families if f.id == role.family), role.family)
    name = f"{role.name} ({role.abbreviation})" if role.abbreviation else role.name
    ours = Marks(role)
    doc = Doc().title(name, family)
    doc.para(ours.text("summary", role.summary))
    doc.heading(ours.heading("primary_focus", "Primary focus")).para(role.primary_focus)
    doc.heading("2026 compensation")
    if role.compensation:
        comp = role.compensation
        doc.para(comp.line(ours.text("compensation.basis", comp.basis)))
        doc.bullets(ours.items("compensation.notes", comp.notes))
    else:
        doc.para("The article gives no figure for this role.")
    doc.section(ours.heading("day_to_day", "Day-to-day"), role.day_to_day)
    doc.section(ours.heading("focus_areas", "Focus areas"), role.focus_areas)
    if marks:
        have = sum(1 for m in marks.values() if m == "have")
        goal = len(role.key_skills) - sum(1 for m in marks.values() if m == "skip")
        doc.heading(ours.heading("key_skills",
                                 f"Key skills: you have {have}/{goal} (s marks them)"))
        for skill in role.key_skills:
            state = marks.get(skill)
            doc.bullets([f"{skill} ({state})" if state else skill],
                        marker=SKILL_GLYPHS.get(state or "", BULLET))
    else:
        doc.section(ours.heading("key_skills", "Key skills"), role.key_skills)
    doc.section(ours.heading("background", "Typical background"), role.background)
    doc.section(ours.heading("challenges", "Key challenges"), role.challenges)
    contrasts = []
    for c in role.differs_from:
        other = catalog.role(c.role)
        contrasts.append(f"vs {other.name if other else c.role}: "
                         + ours.text("differs_from.text", c.text))
    doc.section("How it differs from its neighbours", contrasts)
    for field, heading in (("path_in", "Path in"), ("why_it_matters", "Why it matters"),
                           ("insight", "Career insight"), ("future", "Future trajectory"),
                           ("example", "Example contribution")):
        doc.section(ours.heading(field, heading), getattr(role, field))
    doc.section(ours.heading("tools", "Tools named"), ", ".join(role.tools))
    doc.section(ours.heading("employers", "Where this role works"), ", ".join(role.employers))
    cases = catalog.cases_for_role(role.id)
    # A case study whose roles are ours: the study is the article's, the link to this role ours.
    doc.section("Case studies", [f"{c.title} ({c.period})" + (
        f"  {OURS_TAG}: the link to this role" if is_ours(c, "roles") else "") for c in cases])
    ours.used = ours.used or any(is_ours(c, "roles") for c in cases)
    return sign(doc, ours).build()


def family_card(catalog: Catalog, family: Family) -> Content:
    doc = Doc().title(family.name, "role family")
    doc.para(family.summary)
    roles = catalog.roles_in(family.id)
    doc.heading(f"{len(roles)} roles")
    doc.bullets(
        f"{r.name}: {r.primary_focus}" + (f" ({r.compensation.label()})" if r.compensation else "")
        for r in roles
    )
    return sign(doc, Marks(family)).build()
