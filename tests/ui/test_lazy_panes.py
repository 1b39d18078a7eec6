"""In a terminal, panes are made on first visit (a roles-only session never pays for the
others). Every way into a pane must make it first: its key, its tab, a palette command, a
link from another pane, and a recovery copy waiting at launch."""

from __future__ import annotations

import gc

from textual.widgets import TabbedContent, Tabs

from airoles_tui.plan.model import OrgPlan
from airoles_tui.plan.recovery import write_recovery
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.screens.dialogs import ChoiceScreen
from airoles_tui.ui.screens.plan import AnalysisScreen

from .test_palette import _run
from .widget_app import past_first_frame, wait_for

OTHERS = ("#cases-pane", "#recommender-pane", "#org-pane")


async def first_screen(pilot) -> None:
    """Wait for the first screen to be whole: the footer's keys are drawn."""
    await wait_for(pilot, lambda: pilot.app.screen.query("FooterKey"))


def made(app) -> set[str]:
    return {sel for sel in OTHERS if app.query(sel)}


def active(app) -> str:
    return app.query_one("#panes", TabbedContent).active


async def test_panes_are_made_when_their_key_is_pressed(catalog, tmp_path):
    app = AiRolesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(80, 24)) as pilot:
        await past_first_frame(pilot, frozen)
        assert made(app) == set()  # browsing roles: nothing else exists
        for key, sel, pane_id in (("2", "#cases-pane", "cases"),
                                  ("3", "#recommender-pane", "recommender"),
                                  ("4", "#org-pane", "org")):
            await pilot.press(key)
            await wait_for(pilot, lambda: active(app) == pane_id)
            assert app.query(sel)
            # Landed in the pane's list, ready for the arrows.
            assert app.focused is not None and app.focused in app.query_one(sel).query("*")
        await pilot.press("1", "2")  # made once: coming back uses the same pane
        await wait_for(pilot, lambda: active(app) == "cases")
        assert len(app.query("#cases-pane")) == 1


async def test_a_click_on_a_tab_makes_its_pane(catalog, tmp_path):
    app = AiRolesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_screen(pilot)
        await pilot.click(Tabs, offset=(30, 0))  # "3 Recommender"
        await wait_for(pilot, lambda: app.query("#recommender-pane #rec-background"))
        assert active(app) == "recommender"


async def test_a_link_to_a_case_study_makes_the_cases_pane(catalog, tmp_path):
    app = AiRolesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_screen(pilot)
        app.show_document("case:palantir-ukraine")
        await wait_for(pilot, lambda: active(app) == "cases")
        assert app.query_one("#cases-pane").current.key == "case:palantir-ukraine"
        await pilot.press("escape")  # the jump is history, as when the pane existed
        assert active(app) == "roles"


async def test_a_palette_plan_command_makes_the_designer(catalog, tmp_path):
    app = AiRolesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_screen(pilot)
        await _run(pilot, app, "plan analysis")
        await wait_for(pilot, lambda: isinstance(app.screen, AnalysisScreen))
        assert app.query("#org-pane") and active(app) == "org"


async def test_a_waiting_recovery_copy_is_offered_at_launch(catalog, tmp_path):
    left = tmp_path / ".recovery" / "session-20200101T000000-999999999.toml"
    write_recovery(OrgPlan(name="left behind"), left, None, None)
    app = AiRolesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert made(app) == {"#org-pane"}  # the designer only: it is the one that asks
        await pilot.press("l")  # later: the user stays where they were
        await wait_for(pilot, lambda: not isinstance(app.screen, ChoiceScreen))
        assert active(app) == "roles"


async def test_the_skills_matrix_command_makes_the_recommender_first(catalog, tmp_path):
    from airoles_tui.ui.screens.skills_matrix import SkillsMatrixScreen

    app = AiRolesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_screen(pilot)
        await _run(pilot, app, "skills matrix")  # crashed: the pane was not there yet
        await wait_for(pilot, lambda: isinstance(app.screen, SkillsMatrixScreen))
        assert active(app) == "recommender"


async def test_an_exit_during_a_first_visit_ends_cleanly(catalog, tmp_path, monkeypatch):
    from airoles_tui.ui.panes import org as org_module

    builds = []
    build = org_module.OrgPane.build

    async def exit_first(self):
        builds.append(1)
        self.app.exit()  # a hang-up lands while the designer is being built
        await build(self)

    monkeypatch.setattr(org_module.OrgPane, "build", exit_first)
    app = AiRolesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_screen(pilot)
        await pilot.press("4")
        await wait_for(pilot, lambda: builds and not app.is_running)
    assert builds == [1]  # no second attempt
    assert app._exception is None and app.return_code in (0, None)


TEXT_AREA_LOADED = """
import asyncio, sys
from airoles_tui.catalog.loader import load_catalog
from airoles_tui.paths import data_dir
from airoles_tui.ui.app import AiRolesApp

async def main():
    app = AiRolesApp(load_catalog(data_dir()), lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = []
        for key in ("/", "escape", "2", "/", "escape", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
            seen.append("textual.widgets._text_area" in sys.modules)
    print(seen)

asyncio.run(main())
"""


def test_only_the_designer_loads_textuals_text_area(tmp_path):
    """Textual's TextArea (11 modules, 0.6 MiB of a session's peak) is loaded by the
    designer's form, not by the filters of the panes a reader uses (widgets/fields)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", TEXT_AREA_LOADED], capture_output=True,
                         text=True, timeout=120, env=env, check=True).stdout
    assert out.strip() == str([False] * 6 + [True])
