"""After following a link, "esc Back" is in the footer at 80 columns, from every pane where
links are: the footer cuts at the right, and going back must never be the key cut off."""

from __future__ import annotations

import pytest

from airoles_tui.ui.app import AiRolesApp

from .test_hints import screen_lines
from .widget_app import wait_for

PANE_OF_KEY = {"1": "roles", "2": "cases", "3": "recommender", "4": "org"}
# (pane key, keys that follow a link from it, the pane the link leads to)
ROUTES = {
    "roles, a related document": ("1", "g,end,enter", "cases"),
    "roles, a related role": ("1", "down,down,g,enter", "roles"),
    "roles, the table": ("1", "t,down,enter", "roles"),
    "roles, the pay chart": ("1", "p,down,enter", "roles"),
    "cases, a role it names": ("2", "enter,l,enter", "roles"),
    "cases, another document": ("2", "down,down,enter,l,end,enter", "cases"),
    "recommender, a role": ("3", "tab,tab,tab,tab,down,enter", "roles"),
    "recommender, its pathway": ("3", "tab,tab,tab,tab,end,enter", "cases"),
    "designer, the table": ("4", "t,enter", "roles"),
    "designer, the pay chart": ("4", "p,enter", "roles"),
}


def footer_left_of_palette(app) -> str:
    """The footer line as drawn, without the command palette's key docked at its right."""
    return screen_lines(app)[-1].split("▏")[0]


@pytest.mark.parametrize("route", list(ROUTES))
async def test_esc_back_is_in_the_footer_after_a_link(catalog, tmp_path, route):
    pane, keys, lands = ROUTES[route]
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(pane)
        shown = app.query_one(f"TabPane#{PANE_OF_KEY[pane]}")
        await wait_for(pilot, lambda: app.query_one("#panes").active == shown.id
                       and app.focused is not None and app.focused in shown.query("*"))
        for key in keys.split(","):
            await pilot.press(key)
            # a screen it opened is up and has focused its list, before the next key
            await wait_for(pilot, lambda: app.screen.is_mounted and app.focused is not None)
        await wait_for(pilot, lambda: app.navigator.can_go_back()
                       and app.query_one("#panes").active == lands
                       and len(app.screen_stack) == 1)
        await wait_for(pilot, lambda: "esc Back" in footer_left_of_palette(app))
        assert "esc Back " in footer_left_of_palette(app) + " "  # whole, not "esc Ba"
        await pilot.press("escape")  # and it does go back
        await wait_for(pilot, lambda: not app.navigator.can_go_back())
