"""Adding a pane is one module (tests/ui/notes_pane.py) and one line in the list of panes: it
gets a tab, a number key and a palette entry, is imported and built on its first visit only,
shows its keys, and takes part in going back."""

from __future__ import annotations

import sys

import pytest
from textual.widgets import OptionList, TabbedContent, Tabs

from airoles_tui.ui.app import PANES, AiRolesApp
from airoles_tui.ui.palette import AppCommands
from airoles_tui.ui.panes import PaneSpec
from airoles_tui.ui.textual_compat.footer import KeysFooter

from .test_org_designer import wait_for

MODULE = "tests.ui.notes_pane"


class NotesApp(AiRolesApp):
    PANES = [*PANES, PaneSpec("notes", "Notes", f"{MODULE}:NotesPane")]


def active(app) -> str:
    return app.query_one("#panes", TabbedContent).active


async def test_a_new_pane_is_made_and_built_on_its_first_visit(catalog, tmp_path,
                                                                monkeypatch):
    monkeypatch.delitem(sys.modules, MODULE, raising=False)
    app = NotesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "5 Notes" in [str(tab.label) for tab in app.query_one(Tabs).query("Tab")]
        assert MODULE not in sys.modules and app.pane("notes") is None  # nothing paid yet
        await pilot.press("5")
        await wait_for(pilot, lambda: active(app) == "notes")
        notes = app.pane("notes")
        assert notes is not None and notes.builds == 1
        assert not notes.shown_unbuilt  # built before shown: no frame of half a pane
        assert app.focused is app.query_one("#notes-list")  # landed in its list
        footer = [key.description for key in app.query_one(KeysFooter).query("FooterKey")]
        assert "Next note" in footer  # its keys, while the focus is in it
        await pilot.press("1", "5")  # a second visit uses the same pane, built once
        await wait_for(pilot, lambda: active(app) == "notes")
        assert app.pane("notes") is notes and notes.builds == 1


async def test_a_new_pane_takes_part_in_going_back(catalog, tmp_path):
    app = NotesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await wait_for(pilot, lambda: active(app) == "notes")
        await pilot.press("n", "n")
        notes = app.pane("notes")
        assert notes is not None and notes.location().index == 2
        app.show_role("ml-engineer")  # a link out of the pane
        await wait_for(pilot, lambda: active(app) == "roles")
        app.query_one("#notes-list", OptionList).highlighted = 0  # moved meanwhile
        await pilot.press("escape")
        await wait_for(pilot, lambda: active(app) == "notes")
        assert [s.index for s in notes.restored] == [2]
        assert app.query_one("#notes-list", OptionList).highlighted == 2


async def test_a_click_on_a_made_but_unbuilt_panes_tab_builds_it(catalog, tmp_path):
    app = NotesApp(catalog, lazy_panes=False, plans_dir=tmp_path)  # every pane made up front
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notes = app.pane("notes")
        assert notes is not None and not notes.built
        await pilot.click(next(t for t in app.query_one(Tabs).query("Tab")
                               if str(t.label) == "5 Notes"))
        await wait_for(pilot, lambda: notes.built and active(app) == "notes")
        assert notes.builds == 1


async def test_the_palette_and_the_number_keys_come_from_the_list(catalog, tmp_path):
    app = NotesApp(catalog, lazy_panes=True, plans_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        provider = AppCommands(app.screen)
        assert "Go to pane: Notes" in [entry[0] for entry in provider.entries()]
        keys = {a.binding.id: a.binding for a in app.screen.active_bindings.values()}
        assert keys["app.pane-5"].description == "Notes"
    assert "app.pane-5" not in {getattr(b, "id", None) for b in AiRolesApp.BINDINGS}


def test_a_list_entry_that_names_no_pane_says_so(catalog):
    with pytest.raises(TypeError, match="pane 'bad': airoles_tui.paths:data_dir is not a Pane"):
        PaneSpec("bad", "Bad", "airoles_tui.paths:data_dir").make(catalog)
