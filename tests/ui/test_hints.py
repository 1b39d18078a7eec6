"""Every hint line of the app (the status lines under lists, the lines naming a screen's
keys) is whole at 80x24: it fits or wraps, never ends cut or in "…".

Each hint is brought on screen the way a user would, and its text is read back from the
rendered screen inside the widget's region, lines joined: a cut shows as a missing tail.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget

from airoles_tui.plan.model import Hire
from airoles_tui.ui.app import AiRolesApp

from .test_fast_entry import app_with
from .test_org_designer import focus_list, show_designer
from .widget_app import paste, wait_for

SIZE = (80, 24)


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def shown_in(app, widget: Widget) -> str:
    """The text drawn in ``widget``'s region, its lines joined by single spaces."""
    region = widget.region.intersection(app.screen.region)
    lines = screen_lines(app)[region.y:region.bottom]
    return " ".join(" ".join(line[region.x:region.right].split()) for line in lines).strip()


def whole(app, selector: str) -> tuple[str, str]:
    """(the widget's text, what of it the screen shows), both with spaces normalised."""
    widget = app.screen.query_one(selector)
    text = " ".join(str(widget.visual.plain if hasattr(widget, "visual") else widget.render())
                    .split())
    return text, shown_in(app, widget)


async def assert_whole(pilot, selector: str, expected: str) -> None:
    """``expected`` is (part of) the hint, and the whole hint is on screen."""
    app = pilot.app
    expected = " ".join(expected.split())
    await wait_for(pilot, lambda: expected in whole(app, selector)[0])
    await pilot.pause()
    text, shown = whole(app, selector)
    assert text and text in shown, f"{selector}: {text!r} shown as {shown!r}"
    assert not shown.endswith("…"), shown


async def test_roles_status_lines(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=SIZE) as pilot:
        await assert_whole(pilot, "#roles-status", "12 roles · s skills · / filter")
        await pilot.press("slash")
        await paste(pilot, "kubernetes")
        await assert_whole(pilot, "#roles-status", "3 of 12 roles match")
        await paste(pilot, "z" * 24)  # a long query: the line still fits
        await assert_whole(pilot, "#roles-status", "No role matches · esc clears")
        await pilot.press("escape")
        roles = app.query_one("#roles-pane")
        while len(roles.marked) < 3:  # the next three roles down the tree
            await pilot.press("down", "space")
        await assert_whole(pilot, "#roles-status", "3 marked: c compare, space unmark")


async def test_case_studies_status_lines(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "cases-list")
        await assert_whole(pilot, "#cases-status", "documents · / filter")
        await pilot.press("slash")
        await paste(pilot, "scale")
        await assert_whole(pilot, "#cases-status", "match")
        await paste(pilot, "z" * 29)
        await assert_whole(pilot, "#cases-status", "Nothing matches · esc clears")


async def test_designer_hints_and_summary(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=SIZE) as pilot:
        await show_designer(pilot)
        await assert_whole(pilot, "#org-hint", "No hires yet: a adds one")
        await assert_whole(pilot, "#hire-cost", "No hire selected")
        # No room for the first note in words at 80 columns: the line says where they are.
        await assert_whole(pilot, "#org-summary", "2 notes (v shows them)")
        await pilot.press("a")
        await focus_list(pilot)
        await assert_whole(pilot, "#org-hint", "! unknown role  ? no 90-day plan")
        await assert_whole(pilot, "#org-summary", "1/15 hires")


async def test_the_summary_gives_the_first_note_where_it_fits(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await show_designer(pilot)
        await assert_whole(pilot, "#org-summary", "2 notes (v): No team structure chosen")
        await pilot.resize_terminal(80, 24)
        await assert_whole(pilot, "#org-summary", "2 notes (v shows them)")


async def test_designer_hint_for_hires_out_of_order(catalog, tmp_path):
    app = app_with(catalog, tmp_path, Hire("data-engineer", start=5),
                   Hire("ml-engineer", start=2))
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await assert_whole(pilot, "#org-hint", "s sorts by start month")


@pytest.mark.parametrize("key, selector, expected", [
    ("e", "PlanHeaderScreen .dialog-keys", "esc closes"),
    ("g", "GrowthScreen .dialog-keys", "esc closes"),
    ("ctrl+o", "OpenPlanScreen .dialog-hint", "enter opens · esc cancels"),
    ("alt+s", "SaveAsScreen .dialog-hint", "enter saves · esc cancels"),
])
async def test_designer_dialog_hints(catalog, tmp_path, key, selector, expected):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=SIZE) as pilot:
        await show_designer(pilot)
        await pilot.press(key)
        await wait_for(pilot, lambda: app.screen.query(selector))
        await assert_whole(pilot, selector, expected)


@pytest.mark.parametrize("keys, selector, expected", [
    ("t,s,s,s,r", "#table-title", "Primary focus (descending)"),  # the longest heading
    ("p", "#pay-legend", "enter opens"),
    ("down,g", "LinksScreen Static", "enter goes, esc closes"),  # a role's related links
    ("question_mark", "#help-closes", "closes this help"),
])
async def test_screen_hints(catalog, keys, selector, expected):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys.split(","))
        await wait_for(pilot, lambda: app.screen.query(selector))
        await assert_whole(pilot, selector, expected)


async def test_compare_and_skills_titles(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "space", "down", "space", "c")
        await wait_for(pilot, lambda: app.screen.query("#compare-title"))
        await assert_whole(pilot, "#compare-title", "arrows scroll · esc back")
        await pilot.press("escape", "s")
        await wait_for(pilot, lambda: app.screen.query("#skills-note"))
        await assert_whole(pilot, "#skills-note", "Saved as you mark")
