"""What a keystroke asks the terminal to redraw: over SSH every repainted cell is bytes.

Behaviour, not timing: these count the repaint and rebuild requests the app makes, which
Textual turns into bytes on the wire.
"""

from __future__ import annotations

from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.textual_compat.footer import KeysFooter


def footer_keys(app: AiRolesApp) -> list[str]:
    return [key.description for key in app.query_one(KeysFooter).query("FooterKey")]


async def test_a_focus_move_does_not_repaint_the_whole_screen(catalog, monkeypatch):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen_type = type(app.screen)
        whole: list[dict] = []
        repaint = screen_type.refresh

        def spy(self, *regions, **kwargs):
            if not regions:
                whole.append(kwargs)
            return repaint(self, *regions, **kwargs)

        monkeypatch.setattr(screen_type, "refresh", spy)
        await pilot.press("slash")  # the focus moves from the tree to the filter
        await pilot.pause()
        assert app.focused is app.query_one("#role-filter")
        assert whole == []


async def test_the_footer_is_rebuilt_once_and_only_when_its_keys_change(catalog, monkeypatch):
    rebuilt: list[str] = []
    recompose = KeysFooter.recompose

    async def counting(self):
        rebuilt.append(self.screen.id or "")
        await recompose(self)

    monkeypatch.setattr(KeysFooter, "recompose", counting)
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Compare" in footer_keys(app)  # the Roles pane's keys
        rebuilt.clear()
        for _ in range(3):  # a burst of "bindings changed" that changes no key
            app.screen.refresh_bindings()
        await pilot.pause()
        assert rebuilt == []
        app.screen.set_focus(app.query_one("#role-card"))  # other keys ...
        for _ in range(3):  # ... announced in a burst: one rebuild
            app.screen.refresh_bindings()
        await pilot.pause()
        assert len(rebuilt) == 1
        assert "Back to the tree" in footer_keys(app)
        await pilot.press("3")  # another pane: its keys
        await pilot.pause()
        assert "Compare" not in footer_keys(app)
        assert "Skills matrix" in footer_keys(app)


async def test_keys_the_footer_removed_are_not_kept_alive(catalog):
    import gc

    from textual.widgets._footer import FooterKey

    gc.collect()
    earlier = [o for o in gc.get_objects() if isinstance(o, FooterKey)]  # other tests' apps
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "23412341":  # each switch rebuilds the footer with other keys
            await pilot.press(key)
            await pilot.pause()
        gc.collect()
        alive = [o for o in gc.get_objects()
                 if isinstance(o, FooterKey) and not any(o is e for e in earlier)]
        shown = list(app.query_one(KeysFooter).query(FooterKey))
        assert len(shown) >= 5
        assert len(alive) == len(shown)  # a leak kept ~8 more per switch
