"""`airoles-tui open FILE`: a key pressed as soon as the designer is drawn reaches its hire
list. The list took the focus one refresh after the first frame, so a `d` read in between
went to no widget and was lost (seen over a pty under load: test_org_sighup)."""

from __future__ import annotations

from textual import events

from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.org import HireList, OrgPane

from .test_org_designer import opened_example


async def test_the_hire_list_has_the_focus_from_the_first_frame(catalog, tmp_path):
    loaded = opened_example(tmp_path)
    app = AiRolesApp(catalog, plans_dir=tmp_path / "plans", initial_plan=loaded,
                     start_pane="org", lazy_panes=True)  # as in a terminal
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.focused, HireList)  # before any pause: as the first frame is
        hires = len(app.query_one(OrgPane).doc.plan.hires)
        await pilot.press("d")
        await pilot.pause()
        assert len(app.query_one(OrgPane).doc.plan.hires) == hires - 1


async def test_enter_pressed_before_the_form_is_there_opens_it(catalog, tmp_path):
    """The form is mounted after the first frame (most of the pane's cost); an enter read
    before then edits the hire once the form is there, instead of doing nothing."""
    loaded = opened_example(tmp_path)
    app = AiRolesApp(catalog, plans_dir=tmp_path / "plans", initial_plan=loaded,
                     start_pane="org", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(OrgPane)
        assert not pane.built  # the first frame: the list alone
        app.post_message(events.Key("enter", None))  # read with that frame
        for _ in range(50):
            if pane.built and not isinstance(app.focused, HireList):
                break
            await pilot.pause()
        assert pane.built
        assert app.focused is not None and app.focused in pane.query("#org-editor *")
