"""What-ifs in the designer: compare the open plan with another, and duplicate it to try one.

Both run as the designer's flows (OrgPane's workers), since the designer is the one place that
reads and writes plan files; here is only the dialog sequence and the comparison's document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalog.records import Catalog
from ..paths import example_plans_dir
from ..plan.diff import PlanDiff, compare, money_lines
from ..plan.file_format import PlanError, load_plan
from ..plan.model import blank_plan
from ..plan.store import PlanConflict, PlanSaveError, file_name_for, list_plans, plan_path, save_plan
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
    from .screens.dialogs import NEW_BLANK, OpenPlanScreen, ProblemsScreen
    from .screens.plan import AnalysisScreen

    app = pane.app
    choice = await app.push_screen_wait(OpenPlanScreen(
        list_plans(example_plans_dir()), list_plans(pane.plans_dir), str(pane.plans_dir),
        title="Compare the open plan with…"))
    if choice is None:
        return
    if choice == NEW_BLANK:
        other, shown = blank_plan(), "a blank plan"
    else:
        path = Path(choice.partition(":")[2])
        try:
            other, shown = load_plan(path).plan, path.name
        except PlanError as exc:
            await app.push_screen_wait(ProblemsScreen(
                f"Cannot compare with {path.name}", [str(p) for p in exc.problems],
                "The file was not changed."))
            return
    catalog: Catalog = pane.catalog
    await app.push_screen_wait(AnalysisScreen(compare_doc(compare(pane.doc.plan, other,
                                                                  catalog), shown)))


async def duplicate_plan(pane: OrgPane) -> None:
    """Save a copy of the open plan under a new name, and go on in the copy. Unsaved changes
    to the original are settled first, so the original is not left behind unsaved."""
    from .screens.dialogs import ProblemsScreen, SaveAsScreen

    if not await pane._resolve_unsaved("duplicate it"):
        return
    app = pane.app
    copy = pane.doc.plan.copy()
    copy.name = f"{copy.name} (copy)"
    suggested = file_name_for(copy.name)
    while True:
        name = await app.push_screen_wait(SaveAsScreen(suggested, str(pane.plans_dir),
                                                       title="Duplicate plan as"))
        if name is None:
            return
        target = plan_path(pane.plans_dir, name)
        try:
            stamp = save_plan(copy, target, None)
        except PlanConflict:
            pane.notify(f"{target.name} exists: choose another name for the copy",
                        severity="warning", markup=False)
            suggested = name
            continue
        except PlanSaveError as exc:
            await app.push_screen_wait(ProblemsScreen("Copy not saved", [str(exc)],
                                                      "The open plan is unchanged."))
            return
        break
    pane._load(copy, target, stamp)
    pane.notify(f"Duplicated as {target}: edits now go to the copy", markup=False)
