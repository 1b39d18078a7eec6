"""Pilot tests of Pay at a glance: the shared scale, sorting, and opening a role from it."""

from __future__ import annotations

import dataclasses

from textual.widgets import Static, TabbedContent

from airoles_tui.catalog import payscale
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.roles import RolesPane
from airoles_tui.ui.screens.pay_chart import PayChart, PayChartScreen

from .bracketed import NASTY, bracketed
from .widget_app import ScreenApp, screen_up


def chart_app(catalog) -> ScreenApp:
    """The chart alone: what it draws and its own keys need no pane (the app's p is
    test_p_draws_every_role_on_one_scale's, its enter test_enter_opens_the_role's)."""
    return ScreenApp(PayChartScreen(catalog))


def rows(app) -> list[str]:
    chart = app.screen.query_one(PayChart)
    return [o.id for o in chart.options if o.id]


def lines(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one(PayChart).options]


async def test_p_draws_every_role_on_one_scale(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PayChartScreen)
        assert len(rows(app)) == len(catalog.roles)
        text = lines(app)
        assert all(len(line) <= 78 for line in text)  # fits 80 columns with the padding
        assert "$100K" in text[0] and "$500K" in text[0]  # the shared axis, on top...
        assert "┴" in text[-2] and "$500K" in text[-1]  # ...and under the bars
        research = next(line for line in text if line.startswith("AI Research Scientist"))
        assert research.rstrip().endswith("$200K–$500K+")
        assert payscale.OPEN_END in research and payscale.FULL in research


async def test_sorts_by_low_end_high_end_and_name(catalog):
    app = chart_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        assert rows(app)[0] == "prompt-engineer"
        title = app.screen.query_one("#pay-title", Static)
        assert "by low end (ascending)" in title.visual.plain
        await pilot.press("h")
        assert rows(app)[-1] == "ai-research-scientist"
        await pilot.press("h")  # again: reversed
        assert rows(app)[0] == "ai-research-scientist"
        assert "by high end (descending)" in title.visual.plain
        await pilot.press("n")
        names = [catalog.role(i).name for i in rows(app)]
        assert names == sorted(names, key=str.lower)
        await pilot.press("r")
        assert [catalog.role(i).name for i in rows(app)] == names[::-1]


async def test_enter_opens_the_role_and_esc_returns(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "down", "down", "enter")  # the third lowest: Data Engineer
        assert not isinstance(app.screen, PayChartScreen)
        assert app.query_one("#panes", TabbedContent).active == "roles"
        assert app.query_one(RolesPane).current_role.id == "data-engineer"
        await pilot.press("p", "escape")
        assert not isinstance(app.screen, PayChartScreen)


async def test_a_role_without_a_figure_is_listed_not_drawn(catalog):
    roles = (*catalog.roles, catalog.roles[0]._replace(id="mystery",
                                                 name="Mystery Role", compensation=None))
    app = chart_app(dataclasses.replace(catalog, roles=roles, _role_index={}))
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        assert rows(app)[-1] == "mystery"
        mystery = next(line for line in lines(app) if line.startswith("Mystery Role"))
        assert "no figure" in mystery and payscale.FULL not in mystery
        legend = app.screen.query_one("#pay-legend", Static).visual.plain
        assert "No figure in the article: Mystery Role" in legend


async def test_narrow_terminals_still_fit(catalog):
    app = chart_app(catalog)
    async with app.run_test(size=(60, 20)) as pilot:
        await screen_up(pilot)
        assert all(len(line) <= 58 for line in lines(app))
        await pilot.press("n")


async def test_names_are_literal(catalog):
    app = chart_app(bracketed(catalog))
    async with app.run_test(size=(100, 24)) as pilot:
        await screen_up(pilot)
        assert any(line.startswith(NASTY) for line in lines(app))


async def test_slash_filters_the_bars_on_the_same_scale(catalog):
    app = chart_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        axis = lines(app)[-1]
        await pilot.press("slash", *"kubernetes")
        assert sorted(rows(app)) == ["ml-engineer", "mlops-engineer", "research-engineer"]
        assert lines(app)[-1] == axis  # bars stay comparable with the whole chart
        await pilot.press("enter", "h")  # back on the chart, the sort keys work again
        assert rows(app)[-1] == "research-engineer"
        await pilot.press("slash", *"zz")
        assert rows(app) == []
        assert any("No role matches" in line for line in lines(app))
        await pilot.press("escape")
        assert len(rows(app)) == len(catalog.roles)
        assert isinstance(app.screen, PayChartScreen)


async def test_the_filter_leaves_the_charts_dom_queries_alone(catalog):
    # The filter's words were kept in an attribute named `query`, hiding Widget.query: any
    # code querying the chart's children (Textual's own or ours) got a str to call.
    app = chart_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        await pilot.press("slash", *"kubernetes")
        chart = app.screen.query_one(PayChart)
        assert list(chart.query("*")) == list(chart.children)


async def test_s_cycles_through_the_sorts(catalog):
    app = chart_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        await pilot.press("s")
        assert rows(app)[0] == "prompt-engineer" and rows(app)[-1] == "ai-research-scientist"
        assert "by high end" in app.screen.query_one("#pay-title", Static).visual.plain
        await pilot.press("s")
        assert "by name" in app.screen.query_one("#pay-title", Static).visual.plain
        await pilot.press("s")
        assert "by low end (ascending)" in app.screen.query_one("#pay-title", Static).visual.plain


async def test_a_role_without_a_row_in_the_articles_table_says_so(catalog):
    # The AI Ethics Specialist has no row in the article's comparison table; its range is the
    # combined Safety / Ethics section's. The chart says so, as the table (t) does.
    app = chart_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        text = lines(app)
        ethics = next(line for line in text if line.startswith("AI Ethics Specialist"))
        assert ethics.startswith("AI Ethics Specialist *")
        safety = next(line for line in text if line.startswith("AI Safety Researcher"))
        assert "*" not in safety
        legend = app.screen.query_one("#pay-legend", Static).visual.plain
        assert "* not a row of the article's table: its range is its section's" in legend
