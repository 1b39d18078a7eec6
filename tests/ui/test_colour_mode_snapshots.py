"""How the app looks without colour (NO_COLOR) and in the 16-colour theme, at 80x24.

Textual reads NO_COLOR when the App is created, so each test sets it first. Looking at these
is how to check that nothing is carried by colour alone: the cursor row, the active tab, the
pay bars and the section titles must all still read.
"""

from __future__ import annotations

import pytest

from airoles_tui.ui.app import AiRolesApp

SIZE = (80, 24)


@pytest.fixture
def no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")


def test_roles_without_colour(snap_compare, catalog, no_color):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=["down"] * 2)


def test_pay_chart_without_colour(snap_compare, catalog, no_color):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=["p"])


def test_recommender_without_colour(snap_compare, catalog, no_color):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=["3"])


def test_roles_in_the_16_colour_theme(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, theme="ansi-dark", lazy_panes=True), terminal_size=SIZE,
                        press=["down"] * 2)
