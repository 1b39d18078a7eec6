"""Start-up's after-first-frame work (a waiting recovery copy offered, the collector frozen)
waits for the first screen with the footer's keys on it. The footer says when it has mounted
its keys (OrderedFooter.KeysShown); the app acts on that once, instead of re-checking the
footer on every refresh until the keys appear. Both footers (the patched one and Textual's
own with our order) post it."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label

from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.textual_compat import footer as footer_patch


class OneFooter(App[None]):
    BINDINGS = [Binding("a", "noop", "Add", id="t.add"), Binding("e", "noop2", "Edit", id="t.edit")]

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[list[str]] = []

    def compose(self) -> ComposeResult:
        yield Label("body")
        yield footer_patch.keys_footer(first=("t.edit",))

    def on_ordered_footer_keys_shown(self, event: footer_patch.OrderedFooter.KeysShown) -> None:
        assert event.footer is self.query_one(Footer)
        self.shown.append([key.description for key in event.footer.query("FooterKey")])

    def action_noop(self) -> None:
        pass

    def action_noop2(self) -> None:
        pass


@pytest.mark.parametrize("patched", [True, False], ids=["keys-footer", "stock-rebuild"])
async def test_the_footer_says_when_its_keys_are_mounted(patched, monkeypatch):
    monkeypatch.setattr(footer_patch, "active", lambda name: patched)
    app = OneFooter()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        assert isinstance(footer, footer_patch.KeysFooter) is patched
        assert app.shown, "no KeysShown after the footer composed its keys"
        assert app.shown[-1][:2] == ["Edit", "Add"]  # the keys, in our order


async def test_the_first_frame_work_runs_once_when_the_footer_keys_are_drawn(
        catalog, tmp_path, monkeypatch):
    runs = []
    after = AiRolesApp._after_first_frame

    async def counted(self, *args, **kwargs):
        keys = list(self.screen.query("FooterKey"))
        runs.append(bool(keys) and all(key.region.area for key in keys))
        await after(self, *args, **kwargs)

    monkeypatch.setattr(AiRolesApp, "_after_first_frame", counted)
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(5):
            await pilot.pause()
        assert runs == [True]  # once, with the keys laid out
        await pilot.press("2", "1")  # the footer rebuilds for another pane: not again
        await pilot.pause()
        assert runs == [True]
