"""A key typed right after a pane's number (both in one read, as over SSH) acts in the pane
just shown, not in the one left."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import OptionList, Tree

from airoles_tui.ui.app import AiRolesApp


@pytest.mark.parametrize("lazy", [True, False], ids=["first-visit", "made-already"])
async def test_a_key_typed_with_the_pane_number_lands_in_the_new_pane(catalog, lazy):
    app = AiRolesApp(catalog, lazy_panes=lazy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = app.query_one(Tree)
        row = tree.cursor_line
        # One read: the pane's key, then an arrow, queued before either is handled.
        app.post_message(events.Key("2", "2"))
        app.post_message(events.Key("down", None))
        await pilot.pause()
        await pilot.pause()
        docs = app.screen.query_one("#panes").query(OptionList).first()
        assert app.focused is docs
        enabled = [i for i in range(docs.option_count)
                   if not docs.get_option_at_index(i).disabled]
        assert docs.highlighted == enabled[1], "the arrow went elsewhere"
        assert tree.cursor_line == row, "the arrow moved the pane left"
