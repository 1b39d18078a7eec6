"""How the Org designer looks at 80x24 with the worked example: list, form, analysis, dialog."""

from __future__ import annotations

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.file_format import load_plan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.org import OrgPane

from .widget_app import wait_for

SIZE = (80, 24)


def example_app(catalog, tmp_path) -> AiRolesApp:
    loaded = load_plan(example_plans_dir() / "series-b-legal.toml")
    return AiRolesApp(catalog, plans_dir=tmp_path, initial_plan=loaded, start_pane="org",
                      lazy_panes=True)


async def loaded(pilot) -> None:
    pane = pilot.app.query_one(OrgPane)
    await wait_for(pilot, lambda: pane.selected == 0
                   and pilot.app.query_one("#panes").active == "org")
    await pilot.pause()


def test_designer_with_the_example(snap_compare, catalog, tmp_path):
    assert snap_compare(example_app(catalog, tmp_path), terminal_size=SIZE, run_before=loaded)


def test_editing_a_hire(snap_compare, catalog, tmp_path):
    assert snap_compare(example_app(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=["down", "down", "enter", "tab", "tab", "tab", "tab", "tab"])


def test_analysis(snap_compare, catalog, tmp_path):
    assert snap_compare(example_app(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=["v"])


def test_unsaved_changes_question(snap_compare, catalog, tmp_path):
    assert snap_compare(example_app(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=["d", "q"])


def test_blank_designer(snap_compare, catalog, tmp_path):
    assert snap_compare(AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True),
                        terminal_size=SIZE, press=["4"])


def test_help_with_how_to_build_a_plan(snap_compare, catalog, tmp_path):
    assert snap_compare(example_app(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=["question_mark"])


def test_help_filtered(snap_compare, catalog, tmp_path):
    assert snap_compare(example_app(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=["question_mark", "slash", *"sav"])
