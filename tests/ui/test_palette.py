"""The command palette: jump to any document, role or app command by (fuzzy) name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import TabbedContent

from airoles_tui.catalog.library import entries
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.palette import AppCommands, DocumentCommands
from airoles_tui.ui.panes.cases import CasesPane
from airoles_tui.ui.screens.pay_chart import PayChartScreen
from airoles_tui.ui.screens.reader import ReaderBody
from airoles_tui.ui.widgets.text import as_markup

from .bracketed import NASTY, bracketed
from .widget_app import palette_hits, paste


async def _run(pilot, app, query: str) -> None:
    """Run the palette's best hit for ``query``, pasted as one search (typing it is
    test_bracketed_titles_are_found_and_shown_literally's)."""
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await paste(pilot, query)
    await palette_hits(pilot, query)  # the search runs in a worker
    await pilot.press("enter")
    await pilot.pause()


async def test_jump_to_a_case_study_and_come_back(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _run(pilot, app, "palantir ukraine")
        assert app.query_one("#panes", TabbedContent).active == "cases"
        assert app.query_one(CasesPane).current.key == "case:palantir-ukraine"
        assert isinstance(app.focused, ReaderBody)
        await pilot.press("escape")  # the jump is history: back to the Roles pane
        assert app.query_one("#panes", TabbedContent).active == "roles"


async def test_jump_to_an_era_and_a_team_structure(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _run(pilot, app, "expert systems era")
        assert app.query_one(CasesPane).current.key == "era:expert-systems"
        await _run(pilot, app, "hub-and-spoke")
        assert app.query_one(CasesPane).current.key == "team:hub-and-spoke"


async def test_app_commands_open_the_pay_chart_and_switch_panes(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _run(pilot, app, "pay at a glance")
        assert isinstance(app.screen, PayChartScreen)
        await pilot.press("escape")
        await _run(pilot, app, "go to pane case")
        assert app.query_one("#panes", TabbedContent).active == "cases"


async def test_providers_list_every_document_and_command(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)):
        docs = [label for label, _, _ in DocumentCommands(app.screen).entries()]
        assert len(docs) == len(entries(catalog)) == 19
        assert "Case study: Scale AI: The Data Annotation Company That Became an AI Platform" \
            in docs
        assert "Exercise: Design an AI Org for a Startup" in docs
        commands = [label for label, _, _ in AppCommands(app.screen).entries()]
        assert "Go to pane: Case studies" in commands
        assert "Open pay at a glance (chart)" in commands


async def test_bracketed_titles_are_found_and_shown_literally(catalog):
    app = AiRolesApp(bracketed(catalog), lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"scale ai")
        await palette_hits(pilot, "scale ai")
        prompts = [str(o.prompt) for o in app.screen.query_one("CommandList").options]
        assert any(NASTY in p for p in prompts)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(CasesPane).current is not None


@given(st.text(alphabet="[]/\\$@=#ab :", max_size=30))
def test_help_lines_parse_back_to_the_text(text):
    """The palette parses help as markup; as_markup must survive any brackets and slashes."""
    assert Content.from_markup(as_markup(text)).plain == text
