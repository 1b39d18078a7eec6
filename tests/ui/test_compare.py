"""Pilot tests of Compare: marking roles in the tree and reading them side by side."""

from __future__ import annotations

from textual.widgets import Static

from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.panes.roles import MARK, RolesPane, RoleTree
from airoles_tui.ui.screens.compare import CompareScreen

from .bracketed import NASTY, bracketed
from .widget_app import ScreenApp, screen_up


def marked_labels(app) -> list[str]:
    tree = app.query_one(RoleTree)
    return [str(n.label) for f in tree.root.children for n in f.children
            if str(n.label).startswith(MARK)]


def screen_text(screen) -> str:
    return "\n".join(s.visual.plain for s in screen.query(Static) if s.visual is not None)


async def test_space_marks_with_a_visible_sign_and_c_compares(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "space", "down", "down", "space")
        assert marked_labels(app) == [f"{MARK}Applied Scientist", f"{MARK}ML Engineer"]
        assert "2 marked" in app.query_one("#roles-status", Static).visual.plain
        await pilot.press("c")
        assert isinstance(app.screen, CompareScreen)
        assert [r.id for r in app.screen.roles] == ["applied-scientist", "ml-engineer"]
        text = screen_text(app.screen)
        for phrase in ("Research-to-product translation", "Production ML systems",
                       "PhD or MS + industry", "$180K–$450K", "$150K–$350K",
                       "Key skills they share", "Key skills that set each apart"):
            assert phrase in text
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)
        assert isinstance(app.focused, RoleTree)


async def test_shared_skills_are_set_apart_from_distinct_ones(catalog):
    app = ScreenApp(CompareScreen([catalog.role(i) for i in
                                   ("ml-engineer", "data-scientist", "data-engineer")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_up(pilot)
        text = screen_text(app.screen)
        shared = text.split("Key skills they share")[1].split("Key skills that set")[0]
        assert "Python (all three)" in shared and "SQL (all three)" in shared
        distinct = text.split("Key skills that set each apart")[1]
        assert "Spark/Databricks" in distinct and "Python/R" not in distinct


async def test_space_again_unmarks_and_a_fourth_mark_is_refused(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(RolesPane)
        await pilot.press("space", "down", "space", "down", "space")
        assert len(pane.marked) == 3
        await pilot.press("down", "down", "space")  # a fourth role
        assert len(pane.marked) == 3
        assert any("up to 3" in str(n.message) for n in app._notifications)
        await pilot.press("up", "up", "space")  # unmark Applied Scientist
        assert pane.marked == ["ai-research-scientist", "research-engineer"]
        assert len(marked_labels(app)) == 2


async def test_one_mark_compares_with_the_role_under_the_cursor(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")  # nothing marked: a hint, no screen
        assert not isinstance(app.screen, CompareScreen)
        assert any("Mark two or three" in str(n.message) for n in app._notifications)
        await pilot.press("space", "down", "c")
        assert [r.id for r in app.screen.roles] == ["ai-research-scientist", "research-engineer"]


async def test_space_on_a_family_still_folds_it(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.query_one(RoleTree)
        await pilot.press("up", "space")
        assert not tree.root.children[0].is_expanded
        assert app.query_one(RolesPane).marked == []


async def test_marks_survive_the_filter_and_names_stay_literal(catalog):
    app = AiRolesApp(bracketed(catalog), lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "down", "space")
        await pilot.press("slash", *"research", "enter")
        assert marked_labels(app)[0] == f"{MARK}{NASTY} AI Research Scientist"
        await pilot.press("c")
        text = screen_text(app.screen)
        assert f"{NASTY} AI Research Scientist" in text and f"{NASTY} skill" in text


def _cell_lines(widget) -> list[str]:
    from textual.geometry import Region

    width, height = widget.outer_size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


async def test_bullets_wrap_with_a_hanging_indent(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(CompareScreen([catalog.role(i) for i in
                                       ("data-engineer", "mlops-engineer", "prompt-engineer")]))
        await pilot.pause()
        cells = [w for w in app.screen.query(".compare-cell, .compare-full")
                 if "•" in "".join(_cell_lines(w))]
        assert len(cells) >= 4  # the shared list and each role's distinct skills
        wrapped = 0
        for cell in cells:
            lines = [line[1:].rstrip() for line in _cell_lines(cell)]  # less the padding
            for line in lines:
                if line:
                    assert line.startswith(("• ", "  ")), (line, lines)
                    wrapped += line.startswith("  ")
        assert wrapped >= 3  # long skills do wrap at 80 columns, under their text
