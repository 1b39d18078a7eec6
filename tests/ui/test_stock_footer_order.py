"""With the footer patch off (a Textual upgrade, or AIROLES_TUI_STOCK_TEXTUAL=1) the footer
still puts the designer's main keys first: the order is public API. Stock, the hire list's
own keys came first and e, g, v and save fell off the right edge at 80 columns (the
stock-mode CI run of test_restore_at_launch found it)."""

from __future__ import annotations

from textual.widgets import Footer

from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.textual_compat import footer as footer_patch

from .test_org_designer import show_designer


async def test_the_designers_keys_come_first_with_the_footer_patch_off(
        catalog, tmp_path, monkeypatch):
    monkeypatch.setattr(footer_patch, "active", lambda name: False)
    app = AiRolesApp(catalog, plans_dir=tmp_path, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_designer(pilot)
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert not isinstance(footer, footer_patch.KeysFooter)
        shown = [key.description for key in footer.query("FooterKey")]
        assert shown[:6] == ["Add", "Edit", "Details", "Growth", "Analysis", "Save"], shown
