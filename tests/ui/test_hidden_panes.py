"""A pane the user left lets go of its rendered lines, and draws the same when shown again."""

from __future__ import annotations

from textual.widgets import TabbedContent

from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.roles import RoleCard, RoleTree


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_a_left_pane_forgets_its_lines_and_draws_them_again(catalog):
    app = AiRolesApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(5):  # a few cards wrapped and kept for going back
            await pilot.press("down")
        await pilot.pause()
        roles = app.query_one("#roles-pane")
        card = app.query_one(RoleCard)
        before = screen_text(app)
        assert card._cache and app.query_one(RoleTree)._styles_cache._cache

        await pilot.press("2")
        await pilot.pause()
        assert app.query_one("#panes", TabbedContent).active == "cases"
        assert all(not w._styles_cache._cache for w in roles.query("*"))
        assert not card._cache and not app.query_one(RoleTree)._line_cache.keys()

        await pilot.press("1")
        await pilot.pause()
        assert screen_text(app) == before  # the same card, the same cursor, the same tree


def test_measured_text_widths_are_forgotten_with_the_lines():
    from rich.cells import cached_cell_len, cell_len

    from airoles_tui.ui.textual_compat.hidden_panes import forget_text_widths

    cell_len("a string measured while a pane was on screen")
    assert cached_cell_len.cache_info().currsize > 0
    forget_text_widths()
    assert cached_cell_len.cache_info().currsize == 0


async def test_one_collection_follows_a_burst_of_pane_switches(catalog, monkeypatch):
    import airoles_tui.ui.app as app_module

    collections = []
    collect = AiRolesApp._collect
    monkeypatch.setattr(AiRolesApp, "_collect",
                        lambda self: collections.append(1) or collect(self))
    # Longer than four presses take even on a loaded machine (1 s was not, with the suite's
    # workers sharing two cores); the waits for a collection end as soon as it has run.
    delay = 3.0
    monkeypatch.setattr(app_module, "COLLECT_AFTER_SWITCH", delay)
    app = AiRolesApp(catalog)

    async def collected(count: int) -> None:
        for _ in range(int(10 * delay) * 10):
            if len(collections) >= count:
                return
            await pilot.pause(0.1)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert collections == []
        await pilot.press("2")
        await collected(1)
        assert len(collections) == 1
        await pilot.press("1", "2", "3", "1")  # within the delay: one collection
        await collected(2)
        assert len(collections) == 2
        await pilot.pause(delay + 0.3)  # a timer each press left would have run by now
        assert len(collections) == 2  # and nothing while idle
