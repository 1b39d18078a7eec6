"""The comparison table (t): the Role column stays while scrolling sideways; wide terminals
show every column without scrolling."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import DataTable

from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.screens.table import ComparisonScreen

from .widget_app import ScreenApp, screen_up


def rows_text(table: DataTable) -> list[str]:
    width, height = table.size
    return [strip.text for strip in table.render_lines(Region(0, 0, width, height))]


async def test_right_after_end_stays_at_the_right_edge(catalog):
    # End scrolled to the right edge; the next → jumped back to the left (scroll_x 1).
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        table = app.screen.query_one(DataTable)
        assert table.max_scroll_x > 0  # 80 columns do not hold the table
        await pilot.press("end")
        await pilot.pause()
        assert table.scroll_x == table.max_scroll_x
        await pilot.press("right")
        await pilot.pause(0.3)
        assert table.scroll_x == table.max_scroll_x
        await pilot.press("left")
        await pilot.pause(0.3)
        assert table.scroll_x == table.max_scroll_x - 1
        await pilot.press("home")
        await pilot.pause()
        assert table.scroll_x == 0
        await pilot.press("left")
        await pilot.pause(0.3)
        assert table.scroll_x == 0


async def test_the_role_column_stays_while_scrolling_sideways(catalog):
    app = ScreenApp(ComparisonScreen(catalog))
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        await pilot.press("end")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.scroll_x > 0
        text = rows_text(table)
        assert text[0].lstrip().startswith("Role")
        assert any(line.lstrip().startswith("AI Research Scientist") for line in text)
        assert "Typical background" in text[0]  # the far right is in view beside it


async def test_a_wide_terminal_shows_every_column_whole(catalog):
    app = ScreenApp(ComparisonScreen(catalog))
    async with app.run_test(size=(160, 30)) as pilot:
        await screen_up(pilot)
        table = app.screen.query_one(DataTable)
        assert table.max_scroll_x == 0
        assert table.virtual_size.width >= 150  # the width is used, not left blank
        assert any(row.height > 1 for row in table.rows.values())  # long text wraps
        screen = "\n".join(rows_text(table))
        for role in catalog.roles:  # nothing cut off: every word of every cell is there
            for text in (role.core_skills, role.background, role.primary_focus):
                for word in text.split():
                    assert word in screen, (role.id, text, word)
