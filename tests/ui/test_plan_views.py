"""The plan's pictures in the app: a key and a palette command for each, switching between
them, a wider terminal showing more months, a blank plan, and user text shown literally."""

from __future__ import annotations

import re

import pytest

from airoles_tui.plan.model import Hire, OrgPlan
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.org import OrgPane
from airoles_tui.ui.screens.plan_views import PlanViewScreen

from .test_org_snapshots import example_app, loaded
from .test_palette import _run
from .widget_app import wait_for


def shown(app) -> str:
    return str(app.screen.query_one("#plan-view").render())


@pytest.mark.parametrize("key,kind,words", [
    ("h", "timeline", ["Hiring timeline", "▼ the money runs out in M75", "Hub: ML platform"]),
    ("b", "burn", ["Burn and runway", "═ raise $30.00M", "+ grown to 50 from M13"]),
    ("o", "org", ["Org chart", "◉ HUB  Hub: ML platform", "├─◎ SPOKE Spoke: contract review"]),
])
async def test_each_picture_opens_by_its_key_and_closes(catalog, tmp_path, key, kind, words):
    app = example_app(catalog, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, PlanViewScreen) and app.screen.kind == kind
        text = shown(app)
        for word in words:
            assert word in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PlanViewScreen)


@pytest.mark.parametrize("command,kind", [
    ("Hiring timeline", "timeline"), ("Burn and runway", "burn"), ("Org chart", "org")])
async def test_each_picture_has_a_palette_command(catalog, tmp_path, command, kind):
    # From the first pane: the command makes the designer, then opens its picture.
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _run(pilot, app, command)
        await wait_for(pilot, lambda: isinstance(app.screen, PlanViewScreen))
        assert app.screen.kind == kind


async def test_the_keys_switch_pictures_in_place(catalog, tmp_path):
    app = example_app(catalog, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("h", "b")
        await pilot.pause()
        assert app.screen.kind == "burn" and "Burn and runway" in shown(app)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.kind == "org" and "Org chart" in shown(app)
        assert len(app.screen_stack) == 2  # one screen, redrawn, not a stack of them


async def test_a_wider_terminal_shows_more_months(catalog, tmp_path):
    app = example_app(catalog, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("h")
        await pilot.pause()
        narrow = shown(app)
        assert "beyond the" in narrow and "▼" not in narrow.splitlines()[3]
        await pilot.resize_terminal(120, 30)
        await wait_for(pilot, lambda: app.screen.query_one("#plan-view").size.width > 100)
        wide = shown(app)
        assert "beyond the" not in wide  # M75 now fits, and is marked on the axis
        axis = wide.splitlines()[3]  # title, run-out line, legend, then the axis
        assert "▼" in axis and len(axis.rstrip()) > len(narrow.splitlines()[3].rstrip())


async def test_a_blank_plan_draws_every_picture(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        for key, words in (("h", "No hires yet"), ("b", "Nothing to draw"),
                           ("o", "No hires yet")):
            await pilot.press(key)
            await pilot.pause()
            assert words in shown(app)


async def test_user_text_in_pictures_is_literal(catalog, tmp_path):
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        pane = app.query_one(OrgPane)
        pane._load(OrgPlan(name="[bold]x[/]", funding_usd=1_000_000, hires=[
            Hire("ml-engineer", title="[/]oops", team="[red]Hub[/red]")]), None, None)
        await pilot.pause()
        for key in ("h", "b", "o"):
            await pilot.press(key)
            await pilot.pause()
            assert "[bold]x[/]" in shown(app)
        await pilot.press("h")
        await pilot.pause()
        assert "[red]Hub[/red]" in shown(app) and "[/]oops" in shown(app)


async def test_other_spending_and_the_growth_month_are_entered_and_counted(catalog, tmp_path):
    from airoles_tui.ui.screens.help import HelpScreen

    from .test_org_designer import closed, type_text

    app = example_app(catalog, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        pane = app.query_one(OrgPane)
        before = pane.analysis.runway
        await pilot.press("e")
        app.screen.query_one("#plan-monthly_compute_usd").focus()
        await type_text(pilot, "50k")
        app.screen.query_one("#plan-monthly_other_burn_usd").focus()
        await type_text(pilot, "lots")  # refused, said so, the plan keeps 0
        label = str(app.screen.query_one("#label-monthly_other_burn_usd").render())
        assert "'lots' is not an amount" in label
        await pilot.press("escape")
        await closed(pilot)
        plan = pane.doc.plan
        assert plan.monthly_compute_usd == 50_000 and plan.monthly_other_burn_usd == 0
        assert pane.analysis.runway < before and "compute/API $50K/mo" in (
            pane.analysis.runway_counts)
        await pilot.press("g")
        field = app.screen.query_one("#growth-month")
        field.value = ""
        field.focus()
        await type_text(pilot, "20")
        total = str(app.screen.query_one("#growth-total").render())
        assert "growing at M20, the money runs out in M" in total
        await pilot.press("escape")
        await closed(pilot)
        assert plan.growth.month == 20 and pane.doc.dirty
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = str(app.screen.query_one("#help-text").render())
        for action in ("Timeline", "Burn", "Org chart"):
            assert action in text


async def open_view(pilot, key: str) -> None:
    """The worked example loaded, then a picture opened by its key."""
    await loaded(pilot)
    await pilot.press(key)
    await pilot.pause()


def screen_rows(app) -> list[str]:
    """The terminal's rows as drawn: what a picture lost to the screen's edge is not here."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("key", ["h", "b", "o"])
async def test_no_picture_line_is_cut_at_80_columns(catalog, tmp_path, key):
    app = example_app(catalog, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(pilot, key)
        lines = shown(app).splitlines()
        rows = screen_rows(app)[:22]  # the picture's rows above the footer
        for line, row in zip(lines, rows):
            line = line.rstrip()  # after the left padding's cell, the whole line
            assert row[1:1 + len(line)] == line, f"cut: {line!r} shown as {row!r}"
        if key == "h":  # the axis: every month label whole; the last that fits, not cut
            months = int(re.search(r"beyond the (\d+) months shown", rows[1]).group(1))
            axis = rows[3].split()
            assert axis and all(label[1:].isdigit() and int(label[1:]) % 6 == 1
                                for label in axis), axis
            last = int(axis[-1][1:])
            assert last - 1 + len(axis[-1]) <= months < last + 6 - 1 + len(f"M{last + 6}")


async def test_org_chart_toggles_now_and_growth_and_shows_both_when_wide(catalog, tmp_path):
    app = example_app(catalog, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(pilot, "o")
        assert "Now: 15 · $5.10M/yr" in shown(app) and "At growth" not in shown(app)
        assert "n Now/growth" in screen_rows(app)[-1]  # the key, in the footer
        await pilot.press("n")
        await pilot.pause()
        text = shown(app)
        assert "At growth: 50 · $15.61M/yr" in text and "Now: 15" not in text
        assert "Hub: ML platform  16 · $4.71M/yr (now 5)" in text
        assert app.screen.sub_title == "Org chart · at growth"
        await pilot.press("h")  # another picture: n is not its key
        await pilot.pause()
        assert "Now/growth" not in screen_rows(app)[-1]
        timeline = shown(app)
        await pilot.press("n")
        await pilot.pause()
        assert shown(app) == timeline and app.screen.kind == "timeline"
        await pilot.press("o", "n")  # the stage was kept: n goes back to now
        await pilot.pause()
        assert "Now: 15" in shown(app)
        await pilot.resize_terminal(130, 30)  # wide: both stages side by side, no toggle
        await wait_for(pilot, lambda: app.screen.query_one("#plan-view").size.width > 100)
        rows = shown(app).splitlines()
        assert any("Now: 15" in r and "│ At growth: 50" in r for r in rows)
        assert "Now/growth" not in screen_rows(app)[-1]
        both = shown(app)
        await pilot.press("n")
        await pilot.pause()
        assert shown(app) == both
