"""What-ifs in the designer: "Compare plans" and "Duplicate plan" from the palette."""

from __future__ import annotations

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.file_format import dumps, load_plan
from airoles_tui.plan.store import save_plan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.org import OrgPane
from airoles_tui.ui.screens.dialogs import OpenPlanScreen, SaveAsScreen
from airoles_tui.ui.screens.plan import AnalysisScreen

from .test_org_designer import type_text, wait_for
from .test_palette import _run

EXAMPLE = example_plans_dir() / "series-b-legal.toml"


def _app(catalog, tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    path = plans / "legal.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    smaller = load_plan(EXAMPLE).document
    smaller.name = "Leaner"
    smaller.hires = smaller.hires[:10]
    save_plan(smaller, plans / "leaner.toml", None)
    return AiRolesApp(catalog, plans_dir=plans, initial_plan=load_plan(path),
                      start_pane="org", lazy_panes=True), plans


async def test_compare_plans_shows_both_with_the_deltas(catalog, tmp_path):
    app, plans = _app(catalog, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.query_one(OrgPane).selected == 0)
        await _run(pilot, app, "Compare plans")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenPlanScreen))
        listing = app.screen.query_one("#open-list")
        index = next(i for i in range(listing.option_count)
                     if (listing.get_option_at_index(i).id or "").endswith("leaner.toml"))
        listing.highlighted = index
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AnalysisScreen))
        text = str(app.screen.query_one("Static").render())
        assert "A: Series B legal review: 15 AI hires" in text and "B: Leaner" in text
        assert "Hires not in B" in text and "11. Data Scientist" in text
        assert "A (open)" in text and "yearly cost" in text and "runway when grown" in text
        assert "name: 'Series B legal review: 15 AI hires' → 'Leaner'" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, AnalysisScreen))
    assert (plans / "leaner.toml").read_text(encoding="utf-8") == dumps(
        load_plan(plans / "leaner.toml").document)  # read, never rewritten


async def test_duplicate_plan_saves_a_copy_and_goes_on_in_it(catalog, tmp_path):
    app, plans = _app(catalog, tmp_path)
    original = (plans / "legal.toml").read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(OrgPane)
        await wait_for(pilot, lambda: pane.selected == 0)
        await _run(pilot, app, "Duplicate plan")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        field = app.screen.query_one("#saveas-name")
        assert field.value == "series-b-legal-review-15-ai-hires-copy.toml"
        field.value = ""
        await type_text(pilot, "leaner")  # taken: the copy must not replace it
        first = app.screen
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen)
                       and app.screen is not first)
        field = app.screen.query_one("#saveas-name")
        assert field.value == "leaner"  # asked again, with what was typed
        field.value = ""
        await type_text(pilot, "what-if")
        await pilot.press("enter")
        await wait_for(pilot, lambda: pane.doc.path == plans / "what-if.toml")
        assert pane.doc.plan.name == "Series B legal review: 15 AI hires (copy)"
        assert not pane.doc.dirty
    copy = load_plan(plans / "what-if.toml").document
    assert len(copy.hires) == 15 and copy.name.endswith("(copy)")
    assert (plans / "legal.toml").read_bytes() == original
    assert load_plan(plans / "leaner.toml").document.name == "Leaner"
