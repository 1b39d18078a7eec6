"""The learning plan for a target role, as a page: skills left, the way in, the role at work.

The same plan as ``airoles-tui learn`` (recommend/learning.py builds both), shown with the
app's document view so it scrolls like a card and reads the same without colour.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from ...catalog.records import Catalog
from ...catalog.provenance import LEGEND
from ...recommend.learning import LearningPlan, case_line, is_marked, plan_match_is_ours
from ...recommend.scoring import PATHWAY_MATCH_NOTE
from ..widgets.doc_view import DocView
from ..widgets.footer import keys_footer
from ..widgets.text import Doc, MUTED
from .base import AppScreen
from .skills import GLYPHS


def plan_doc(catalog: Catalog, plan: LearningPlan) -> Content:
    role = plan.role
    doc = Doc().title(f"Learning plan: {role.name}", "esc closes")
    total = len(role.key_skills) - len(plan.skipped)
    doc.heading(f"Key skills still to learn ({len(plan.left)} of {total})")
    for skill in plan.learning:
        doc.bullets([f"{skill} (learning)"], marker=f"[{GLYPHS['learning']}] ")
    doc.bullets(plan.to_learn, marker="[ ] ")
    if not plan.left:
        doc.para("Nothing left: every key skill is marked as had or skipped.")
    if plan.have:
        doc.para(f"Already have: {'; '.join(plan.have)}.", MUTED)
    if plan.skipped:
        doc.para(f"Skipped: {'; '.join(plan.skipped)}.", MUTED)
    background = catalog.recommender.background(plan.background) if plan.background else None
    if background is not None:
        doc.heading(f"The article's pathway for your background ({background.label})")
    else:
        doc.heading("The article's pathways into this role")
    if plan_match_is_ours(catalog, plan):
        doc.para(PATHWAY_MATCH_NOTE)
    if background is not None and plan.pathways and not plan.pathway_fits:
        targets = ", ".join(t.name for t in map(catalog.role, plan.pathways[0].targets) if t)
        doc.para(f"It leads to {targets}, not to {role.name}; its steps still show the way in "
                 "from your background.")
    for pathway in plan.pathways:
        doc.para(pathway.name, "bold")
        for n, step in enumerate(pathway.steps, start=1):
            doc.bullets([step], marker=f"{n}. ")
    if not plan.pathways:
        doc.para("The article describes no pathway that leads to this role.")
    doc.heading("Case studies that show the role at work")
    doc.bullets(case_line(c) for c in plan.cases)
    if not plan.cases:
        doc.para("No case study in the catalog names this role.")
    if is_marked(catalog, plan):
        doc.heading("Provenance").para(LEGEND, MUTED)
    return doc.build()


class PlanView(DocView):
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="plan-view.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="plan-view.up"),
    ]


class LearningPlanScreen(AppScreen[None]):
    HELP_TITLE = "Learning plan"
    BINDINGS = [
        Binding("escape,q", "close", "Back", key_display="esc", id="learning-plan.close"),
    ]

    def __init__(self, catalog: Catalog, plan: LearningPlan) -> None:
        super().__init__()
        self.catalog = catalog
        self.plan = plan

    def compose(self) -> ComposeResult:
        yield PlanView(plan_doc(self.catalog, self.plan), gutter=1, id="learning-plan")
        yield keys_footer()

    def on_mount(self) -> None:
        self.query_one(PlanView).focus()

    def action_close(self) -> None:
        self.dismiss(None)
