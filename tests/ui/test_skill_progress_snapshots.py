"""How skill marks look at 80x24, in colour and without (NO_COLOR): the state is a glyph and
a word on every line, the tree's count is text, the learning plan reads without colour."""

from __future__ import annotations

import pytest

from airoles_tui.ui.app import AiRolesApp

SIZE = (80, 24)
# From the first role down to ML Engineer, its skills, then Python have, SQL learning,
# Docker skipped, and the cursor left on Kubernetes.
MARKED = ["down"] * 4 + ["s", "h", "down", "l", "down", "s", "down"]


@pytest.fixture
def no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")


def test_skill_list(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=MARKED)


def test_skill_list_without_colour(snap_compare, catalog, no_color):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=MARKED)


def test_tree_progress_and_card_without_colour(snap_compare, catalog, no_color):
    # Back on the tree; the card scrolled down to its key skills.
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=[*MARKED, "escape", "enter", "pagedown"])


def test_learning_plan(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=[*MARKED, "p"])


def test_learning_plan_without_colour(snap_compare, catalog, no_color):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=[*MARKED, "p"])
