"""Fast entry in the designer, through the keyboard: choice lists you type into, new hires
that copy the one before, next hire from the form, duplicate, shift and order start months,
refused months that never disagree with the plan, and the list's columns on wide terminals."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Static

from airoles_tui.plan.model import Hire, OrgPlan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.hire_editor import HireList
from airoles_tui.ui.panes.org import OrgPane
from airoles_tui.ui.widgets.choice import ChoiceSelect

from .test_org_designer import focus_list, press_to, show_designer, type_text, wait_for


def pane(app) -> OrgPane:
    return app.query_one(OrgPane)


async def test_typing_in_the_role_choice_reaches_the_role(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await press_to(pilot, "a", "hire-role")
        await type_text(pilot, "mlo")  # MLOps / LLMOps Engineer, past ML Engineer
        await press_to(pilot, "enter", "hire-seniority")  # a choice moves on to the next field
        await wait_for(pilot, lambda: pane(app).doc.plan.hires[0].role == "mlops-engineer")
        await type_text(pilot, "l")
        await press_to(pilot, "enter", "hire-start")
        await wait_for(pilot, lambda: pane(app).doc.plan.hires[0].seniority == "lead")
        assert app.query_one("#panes").active == "org"  # "l", "o" never reached app keys


async def test_a_letter_on_a_choice_is_a_search_not_an_app_key(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await press_to(pilot, "a", "hire-role")
        await pilot.press("q", "1", "p")  # quit, pane 1, pay chart: all searches here
        await pilot.pause()
        assert app.is_running and app.query_one("#panes").active == "org"
        assert len(app.screen_stack) == 1
        assert app.query_one("#hire-role", ChoiceSelect).expanded


async def test_next_hire_copies_the_one_before_and_typing_ahead_lands_in_it(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await press_to(pilot, "a", "hire-role")
        for text, key, then in (("data", "enter", "hire-seniority"),
                                ("s", "enter", "hire-start"), ("3", "enter", "hire-team"),
                                ("Hub", "enter", "hire-deliverable_90_days"),
                                ("Pipelines", "tab", "hire-rationale")):
            await type_text(pilot, text)
            await press_to(pilot, key, then)
        await type_text(pilot, "Data first")
        # ctrl+n and the next hire's keys at once, as a fast typist over ssh sends them
        await pilot.press("ctrl+n", "m", "l", "enter", "tab", "tab", "tab", "D", "o")
        await wait_for(pilot, lambda: len(pane(app).doc.plan.hires) == 2
                       and pane(app).doc.plan.hires[1].deliverable_90_days == "Do")
        first, second = pane(app).doc.plan.hires
        assert (first.role, first.seniority, first.start, first.team,
                first.deliverable_90_days, first.rationale) == (
            "data-engineer", "senior", 3, "Hub", "Pipelines", "Data first")
        assert (second.role, second.seniority, second.start, second.team) == (
            "ml-engineer", "senior", 3, "Hub")
        assert second.rationale == "" and pane(app).selected == 1


async def test_a_search_with_a_space_typed_at_once(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await press_to(pilot, "a", "hire-role")
        role = app.query_one("#hire-role", ChoiceSelect)
        for key, char in (("A", "A"), ("I", "I"), ("space", " "), ("P", "P")):
            role.post_message(events.Key(key, char))
        await wait_for(pilot, lambda: role.expanded)
        await pilot.pause(0.2)
        await press_to(pilot, "enter", "hire-seniority")
        await wait_for(pilot, lambda: pane(app).doc.plan.hires[0].role == "ai-product-manager")


def app_with(catalog, tmp_path, *hires: Hire) -> AiRolesApp:
    from airoles_tui.documents.loaded import Loaded

    plan = OrgPlan(name="p", funding_usd=30_000_000, hires=list(hires))
    loaded = Loaded(plan, path=None, stamp=None)
    return AiRolesApp(catalog, plans_dir=tmp_path, initial_plan=loaded, start_pane="org",
                      lazy_panes=True)


def hint(app) -> str:
    return app.query_one("#org-hint", Static).visual.plain


async def test_duplicate_shift_and_order_from_the_list(catalog, tmp_path):
    app = app_with(catalog, tmp_path, Hire("data-engineer", start=1, deliverable_90_days="d"),
                   Hire("ml-engineer", start=2), Hire("mlops-engineer", start=4))
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_list(pilot)
        await pilot.press("c")  # duplicate hire 1, texts and all
        hires = pane(app).doc.plan.hires
        assert [h.role for h in hires] == ["data-engineer", "data-engineer", "ml-engineer",
                                           "mlops-engineer"]
        assert hires[1].deliverable_90_days == "d" and pane(app).selected == 1
        await pilot.press("down", "greater_than_sign", "greater_than_sign")  # hire 3 on: +2
        assert [h.start for h in pane(app).doc.plan.hires] == [1, 1, 4, 6]
        await pilot.press("up", "up", "less_than_sign")  # hire 1 would start in month 0
        assert [h.start for h in pane(app).doc.plan.hires] == [1, 1, 4, 6]
        await pilot.press("down", "down", "down", "right_square_bracket")  # no, up: 4th -> 3rd
        await pilot.press("left_square_bracket", "left_square_bracket")
        starts = [h.start for h in pane(app).doc.plan.hires]
        assert starts == [1, 6, 1, 4]
        assert "hire 3 starts before hire 2: s sorts by start month" in hint(app)
        await pilot.press("s")
        assert [h.start for h in pane(app).doc.plan.hires] == [1, 1, 4, 6]
        assert "starts before" not in hint(app)


async def test_a_refused_start_month_never_stays_beside_another_value(catalog, tmp_path):
    app = app_with(catalog, tmp_path, Hire("data-engineer", start=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_list(pilot)
        await press_to(pilot, "enter", "hire-role")
        await press_to(pilot, "tab", "hire-seniority")
        await press_to(pilot, "tab", "hire-start")

        def label() -> str:
            return app.query_one("#hire-start-label", Static).visual.plain

        await type_text(pilot, "0")  # replaces the selected "3": refused
        assert "months start at 1" in label() and "the plan keeps M3 (Q1)" in label()
        assert pane(app).doc.plan.hires[0].start == 3
        await press_to(pilot, "tab", "hire-team")  # leaving: the field shows what the plan has
        assert app.query_one("#hire-start", Input).value == "3"
        assert "'0' refused, kept M3 (Q1)" in label()
        await press_to(pilot, "shift+tab", "hire-start")
        await type_text(pilot, "Q5")
        await wait_for(pilot, lambda: pane(app).doc.plan.hires[0].start == 13)
        assert "Q5 is M13: quarter 1 of year 2" in label()
        await pilot.press("ctrl+u")
        await type_text(pilot, "M120")  # taken, and said to be past the horizon
        await wait_for(pilot, lambda: pane(app).doc.plan.hires[0].start == 120)
        assert "M120 is in year 10, past the plan's 36-month horizon" in label()


async def test_the_list_grows_columns_on_a_wide_terminal(catalog, tmp_path):
    hire = Hire("ml-engineer", seniority="senior", team="Search squad", title="Staff MLE",
                start=120)
    app = app_with(catalog, tmp_path, hire)
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_list(pilot)
        await wait_for(pilot, lambda: app.query("#hire-team") and
                       app.query_one("#hire-team", Input).value == "Search squad")
        line = app.query_one(HireList).get_option_at_index(0).prompt.plain
        assert "M120 ML Engineer" in line  # a long month keeps a space before the name
        assert "senior" not in line  # 80 columns: number, month, role
    app = app_with(catalog, tmp_path, hire)
    async with app.run_test(size=(200, 40)) as pilot:
        await focus_list(pilot)
        await wait_for(pilot, lambda: "Staff MLE" in app.query_one(HireList)
                       .get_option_at_index(0).prompt.plain)
        line = app.query_one(HireList).get_option_at_index(0).prompt.plain
        assert all(part in line for part in ("ML Engineer", "senior", "$", "Search squad"))
        # the form (mounted after the first frame) done before the app closes under it
        await wait_for(pilot, lambda: app.query("#hire-team") and
                       app.query_one("#hire-team", Input).value == "Search squad")


async def test_the_designers_footer_at_80_columns_shows_its_main_keys(catalog, tmp_path):
    app = app_with(catalog, tmp_path, Hire("data-engineer"))
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_list(pilot)
        footer = app.screen.query_one("KeysFooter")

        def keys() -> list[str]:
            return [k.key for k in footer.query("FooterKey")
                    if k.region.right <= 80 - 12 and k.region.width > 0]  # left of ^p palette

        main = ("a", "enter", "e", "g", "v", "ctrl+s")
        await wait_for(pilot, lambda: "a" in keys())  # the footer follows focus a frame later
        for key in main:
            assert key in keys(), keys()


async def test_growth_starts_from_the_plan_with_every_count_visible(catalog, tmp_path):
    app = app_with(catalog, tmp_path, Hire("data-engineer"), Hire("ml-engineer"),
                   Hire("ml-engineer"))
    async with app.run_test(size=(80, 24)) as pilot:
        await focus_list(pilot)
        await pilot.press("g")
        await wait_for(pilot, lambda: app.screen.query("#growth-target"))
        counts = {i.id: i.value for i in app.screen.query(".headcount Input")}
        roles = [r.id for r in catalog.roles]
        assert counts[f"count-{roles.index('ml-engineer')}"] == "2"
        assert counts[f"count-{roles.index('data-engineer')}"] == "1"
        assert counts[f"count-{roles.index('prompt-engineer')}"] == "0"
        assert pane(app).doc.plan.growth.headcount == {"data-engineer": 1, "ml-engineer": 2}
        keys = app.screen.query_one(".dialog-keys", Static)
        assert "esc closes" in keys.visual.plain and keys.region.bottom <= 24
        await pilot.press("escape")
        await pilot.press("u")  # the prefill is one undo step with the dialog
        await wait_for(pilot, lambda: pane(app).doc.plan.growth.headcount == {})
