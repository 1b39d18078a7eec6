"""How the Roles pane looks at 80x24: the first screen a user sees, filtered, table, help."""

from __future__ import annotations

from airoles_tui.ui.app import AiRolesApp

SIZE = (80, 24)


def test_first_screen(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE)


def test_card_of_a_role_further_down(snap_compare, catalog):
    # Forward Deployed Engineer: base pay, bonus and travel notes.
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=["down"] * 5)


def test_filtered_by_skill(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=["slash", *"kubernetes"])


def test_comparison_table(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=["t", "s"])


def test_help(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=["question_mark"])
