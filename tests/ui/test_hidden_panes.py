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
    """A switch asks for a collection a little later; each switch of a burst stops the timer
    the one before it left, so a burst costs one collection and leaves nothing to run while
    the app is idle. Every collection timer is watched: each one either runs or is stopped,
    so no wait for a stray timer to show itself is needed."""
    import airoles_tui.ui.app as app_module

    collections = []
    collect = AiRolesApp._collect
    monkeypatch.setattr(AiRolesApp, "_collect",
                        lambda self: collections.append(1) or collect(self))
    app = AiRolesApp(catalog)
    timers, stopped = [], []
    set_timer = app.set_timer

    def watched_set_timer(delay, callback=None, **kwargs):
        timer = set_timer(delay, callback, **kwargs)
        if callback == app._collect:
            stop = timer.stop
            timer.stop = lambda: stopped.append(timer) or stop()
            timers.append(timer)
        return timer

    monkeypatch.setattr(app, "set_timer", watched_set_timer)

    async def until(condition) -> None:
        """Pilot waits for the keys, not for a pane a key builds and shows (nor a timer)."""
        for _ in range(600):
            if condition():
                return
            await pilot.pause(0.05)

    soon, never = 0.05, 3600.0  # `never`: longer than any burst of keys, however loaded
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert collections == [] and timers == []
        monkeypatch.setattr(app_module, "COLLECT_AFTER_SWITCH", soon)
        await pilot.press("2")
        await until(lambda: collections)
        assert len(collections) == 1 and len(timers) == 1 and stopped == []
        monkeypatch.setattr(app_module, "COLLECT_AFTER_SWITCH", never)
        await pilot.press("1", "2", "3")  # a burst: each switch stops the timer before it
        await until(lambda: len(timers) == 4)
        assert len(collections) == 1 and len(timers) == 4 and stopped == timers[1:3]
        monkeypatch.setattr(app_module, "COLLECT_AFTER_SWITCH", soon)
        await pilot.press("1")  # the burst's last switch: its collection comes
        await until(lambda: len(collections) == 2)
        assert len(collections) == 2 and len(timers) == 5 and stopped == timers[1:4]
        # Two timers ran (one collection each), the other three were stopped before they
        # could: none is left to run while the app is idle.
        assert app._collect_timer is None
