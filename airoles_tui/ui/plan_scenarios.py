"""What-ifs in the designer: compare the open plan with another, and duplicate it to try one.

Both run as the designer's flows (OrgPane's workers); the files are read and written by its
plan/session.PlanSession. Here is only the dialog sequence and the comparison's document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalog.records import Catalog
from ..plan.diff import PlanDiff, compare, money_lines
from ..plan.model import blank_plan
from ..plan.session import Conflict, Opened, PlanSession, Problems
from .widgets.text import Doc

# The designer (ui/panes/org.OrgPane), which imports this module: typed loosely, no circle.
OrgPane = Any


def compare_doc(d: PlanDiff, name_b: str) -> Doc:
    """The two plans side by side (A is the open plan), then what changed."""
    doc = Doc().title("Compare plans", f"A: {d.a.name}  ·  B: {d.b.name} ({name_b})")
    if d.same:
        doc.para("The two plans are the same.")
    doc.heading("Money")
    doc.para(f"{'':<20}{'A (open)':>16}{'B':>16}{'change':>14}", "bold")
    for what, a, b, delta in money_lines(d):
        doc.para(f"{what:<20}{a:>16}{b:>16}{delta:>14}")
    doc.section("Plan", d.plan_changes)
    doc.section("Growth", d.growth_changes)
    for title, hires in (("Hires added in B", d.added), ("Hires not in B", d.removed),
                         ("Hires changed", d.changed)):
        doc.section(title, [f"{h.number}. {h.label}: {'; '.join(h.changes)}" for h in hires])
    return doc


async def compare_plans(pane: OrgPane) -> None:
    from .screens.dialogs import NEW_BLANK, OpenPlanScreen
    from .screens.plan import AnalysisScreen

    app = pane.app
    session: PlanSession = pane.session
    examples, own = session.listing()
    choice = await app.push_screen_wait(OpenPlanScreen(
        examples, own, str(session.plans_dir), title="Compare the open plan with…",
        recent=session.recent(), catalog=pane.catalog))
    if choice is None:
        return
    if choice == NEW_BLANK:
        other, shown = blank_plan(), "a blank plan"
    else:
        path = Path(choice.partition(":")[2])
        read = session.read_other(path)
        if isinstance(read, Problems):
            await pane._problems(read)
            return
        other, shown = read, path.name
    catalog: Catalog = pane.catalog
    await app.push_screen_wait(AnalysisScreen(compare_doc(compare(session.doc.plan, other,
                                                                  catalog), shown)))


async def duplicate_plan(pane: OrgPane) -> None:
    """Save a copy of the open plan under a new name, and go on in the copy. Unsaved changes
    to the original are settled first, so the original is not left behind unsaved."""
    from .screens.dialogs import SaveAsScreen

    if not await pane._resolve_unsaved("duplicate it"):
        return
    app = pane.app
    session: PlanSession = pane.session
    suggested = session.copy_name()
    while True:
        name = await app.push_screen_wait(SaveAsScreen(suggested, str(session.plans_dir),
                                                       title="Duplicate plan as"))
        if name is None:
            return
        outcome = session.duplicate(name)
        if isinstance(outcome, Conflict):
            pane.notify(f"{outcome.path.name} exists: choose another name for the copy",
                        severity="warning", markup=False)
            suggested = name
            continue
        if isinstance(outcome, Problems):
            await pane._problems(outcome)
            return
        break
    pane._opened(Opened())
    pane.notify(f"Duplicated as {outcome.path}: edits now go to the copy", markup=False)
