"""`airoles-tui open FILE`: a key pressed as soon as the designer is drawn reaches its hire
list. The list took the focus one refresh after the first frame, so a `d` read in between
went to no widget and was lost (seen over a pty under load: test_org_sighup)."""

from __future__ import annotations

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
