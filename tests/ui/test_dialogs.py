"""Every small dialog gets its looks from one base (Dialog): a box of 72 columns, bordered,
in the middle of the screen, whatever the subclass."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.containers import Vertical

from airoles_tui.ui.screens.dialogs import (
    Choice,
    ChoiceScreen,
    Dialog,
    OpenPlanScreen,
    ProblemsScreen,
    SaveAsScreen,
)


class Host(App[None]):
    pass


async def shown_box(screen, container) -> tuple[int, int, str]:
    """Push ``screen`` on an 80x24 app: its box's left margin, width and border type."""
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(screen)
        await pilot.pause()
        box = screen.query_one(container)
        return box.region.x, box.region.width, box.styles.border_top[0]


@pytest.mark.parametrize("make", [
    lambda: ChoiceScreen("Sure?", "Really?", [Choice("y", "Yes", "yes")]),
    lambda: ProblemsScreen("Cannot open", ["a.toml:1: bad"]),
    lambda: SaveAsScreen("skills-matrix.toml", "/tmp", title="Save skills matrix as"),
    lambda: OpenPlanScreen([], [], "/tmp", title="Open a skills matrix", noun="matrix",
                           nouns="matrices"),
], ids=["choice", "problems", "save-as", "open"])
async def test_each_dialog_is_the_same_centred_box(make):
    screen = make()
    assert isinstance(screen, Dialog)
    left, width, border = await shown_box(screen, Vertical)
    assert (width, border) == (72, "round")
    assert abs(left - (80 - left - width)) <= 1  # centred


@pytest.mark.parametrize("kind", ["header", "growth", "analysis"])
async def test_the_designers_larger_dialogs_share_their_box_too(catalog, kind):
    from textual.containers import VerticalScroll

    from airoles_tui.plan.model import blank_plan
    from airoles_tui.ui.screens.plan import (
        AnalysisScreen,
        GrowthScreen,
        PlanDialog,
        PlanHeaderScreen,
    )
    from airoles_tui.ui.widgets.text import Doc

    plan = blank_plan()
    screen = {"header": lambda: PlanHeaderScreen(plan, catalog, lambda *a: None),
              "growth": lambda: GrowthScreen(plan, catalog, lambda *a: None),
              "analysis": lambda: AnalysisScreen(Doc().para("Runway"))}[kind]()
    assert isinstance(screen, PlanDialog)
    left, width, border = await shown_box(screen, VerticalScroll)
    assert (width, border) == (76, "round")
    assert abs(left - (80 - left - width)) <= 1  # centred
