"""Launch reopens the plan last opened or saved; ctrl+o lists the recent plans first, each
with its hire count and yearly cost. Recovery comes first; a plan that is gone or broken
leaves a blank plan and a notice, never a crash or a dialog."""

from __future__ import annotations

from textual.widgets import OptionList

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.analysis import hires_and_cost
from airoles_tui.plan.file_format import load_plan
from airoles_tui.plan.model import Hire, OrgPlan, exercise_plan
from airoles_tui.plan.recent import recent_plans, remember
from airoles_tui.plan.recovery import write_recovery
from airoles_tui.plan.store import save_plan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.screens.dialogs import ChoiceScreen, OpenPlanScreen

from .test_org_designer import closed, pane, show_designer, text_of, wait_for

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


def toasts(app) -> str:
    """The notices on screen, their wrapped lines joined back into words."""
    text = " ".join(s.text for t in app.screen.query("Toast") for y in range(t.size.height)
                    for s in t.render_line(y))
    return " ".join(text.split())


def _plans(tmp_path):
    """Two saved plans, both opened before: ``legal`` last, ``lean`` before it."""
    plans = tmp_path / "plans"
    plans.mkdir()
    legal, lean = plans / "legal.toml", plans / "lean.toml"
    legal.write_bytes(EXAMPLE.read_bytes())
    save_plan(OrgPlan(name="Lean", hires=[Hire("ml-engineer", seniority="senior")]), lean, None)
    remember(lean)
    remember(legal)
    return plans, legal, lean


async def test_launch_reopens_the_plan_last_opened(catalog, tmp_path):
    plans, legal, _ = _plans(tmp_path)
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        assert pane(app).doc.path == legal and not pane(app).doc.dirty
        assert pane(app).doc.plan == load_plan(legal).document
        assert text_of(app, "#org-header").startswith("Series B legal review: 15 AI hires")


async def test_ctrl_o_lists_recent_plans_first_with_hires_and_cost(catalog, tmp_path):
    plans, legal, lean = _plans(tmp_path)
    (plans / "never-opened.toml").write_bytes(EXAMPLE.read_bytes())
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenPlanScreen))
        listing = app.screen.query_one("#open-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt)
                   for i in range(listing.option_count)]
        figures = hires_and_cost(load_plan(lean).document, catalog)
        assert figures.startswith("1 hire · $") and figures.endswith("/yr")
        # The recent plans (the open one left out) come before blank, examples and the rest.
        assert prompts[:3] == ["Recent", f"Lean · {figures}  [lean.toml]", "New blank plan"]
        assert listing.get_option_at_index(0).disabled
        rest = prompts[3:]
        assert any(p.endswith("Series B legal review: 15 AI hires · 15 hires · $5.10M/yr  "
                              "[never-opened.toml]") for p in rest), rest
        assert not any("[lean.toml]" in p for p in rest)  # listed once
        assert listing.highlighted == 1  # enter goes back to the plan open before
        await pilot.press("enter")
        await wait_for(pilot, lambda: pane(app).doc.path == lean)
        await closed(pilot)
    assert recent_plans()[:2] == [lean, legal]


async def test_compare_plans_offers_the_recent_plans_first_too(catalog, tmp_path):
    from .test_palette import _run

    plans, _, lean = _plans(tmp_path)
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await _run(pilot, app, "Compare plans")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenPlanScreen))
        listing = app.screen.query_one("#open-list", OptionList)
        figures = hires_and_cost(load_plan(lean).document, catalog)
        assert str(listing.get_option_at_index(1).prompt) == f"Lean · {figures}  [lean.toml]"


async def test_a_last_plan_that_is_gone_leaves_a_blank_plan_and_a_notice(catalog, tmp_path):
    plans = tmp_path / "plans"
    gone = plans / "gone.toml"
    remember(gone)
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await show_designer(pilot)
        assert pane(app).doc.path is None and pane(app).doc.plan == exercise_plan(catalog)
        await wait_for(pilot, lambda: "is gone" in toasts(app))
        assert "gone.toml" in toasts(app)
        assert len(app.screen_stack) == 1  # a notice, not a question
    assert recent_plans() == []


async def test_a_last_plan_that_does_not_read_leaves_a_blank_plan(catalog, tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    broken = plans / "broken.toml"
    broken.write_text("format_version = 99\n")
    remember(broken)
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await show_designer(pilot)
        assert pane(app).doc.path is None
        await wait_for(pilot, lambda: "could not be opened" in toasts(app))
        assert "newer than this airoles-tui" in toasts(app)
        await pilot.press("ctrl+o")  # still listed, with its problem
        await wait_for(pilot, lambda: isinstance(app.screen, OpenPlanScreen))
        listing = app.screen.query_one("#open-list", OptionList)
        assert str(listing.get_option_at_index(1).prompt) == "broken.toml (cannot be read)"
    assert broken.read_text() == "format_version = 99\n"


def _recovery_left(plans):
    """A copy of unsaved work left by a session that is gone: offered at launch."""
    left = plans / ".recovery" / "session-20200101T000000-999999999.toml"
    write_recovery(OrgPlan(name="unsaved work"), left, None, None)
    return left


async def test_recovery_is_offered_before_the_last_plan_opens(catalog, tmp_path):
    plans, legal, _ = _plans(tmp_path)
    left = _recovery_left(plans)
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert pane(app).doc.path is None  # the last plan waits for the answer
        await pilot.press("l")  # later: then the plan the user had open
        await wait_for(pilot, lambda: pane(app).doc.path == legal)
        assert left.exists()


async def test_a_restored_copy_is_not_replaced_by_the_last_plan(catalog, tmp_path):
    plans, _, _ = _plans(tmp_path)
    _recovery_left(plans)
    app = AiRolesApp(catalog, plans_dir=plans, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: pane(app).doc.dirty)
        await pilot.pause(0.2)
        assert pane(app).doc.plan.name == "unsaved work" and pane(app).doc.path is None
