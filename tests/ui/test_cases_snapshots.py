"""How the Case studies pane, the reader, Compare and the pay chart look at 80x24."""

from __future__ import annotations

from airoles_tui.ui.app import AiRolesApp

SIZE = (80, 24)


def test_case_studies_pane(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=["2"])


def test_reader_on_a_team_structure(snap_compare, catalog):
    # Hub-and-spoke: its fit, strengths and risks, and links to roles and Spotify's case.
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=["2", *["down"] * 6, "enter"])


def test_reader_links_of_a_case_study(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=["2", "down", "down", "enter", "pagedown", "l"])


def test_compare_three_roles(snap_compare, catalog):
    # ML Engineer, Data Engineer, Data Scientist: Python and SQL shared by all three.
    press = [*["down"] * 4, "space", "down", "down", "space", *["down"] * 4, "space", "c"]
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=press)


def test_pay_chart(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE, press=["p"])


def test_pay_chart_by_high_end_descending(snap_compare, catalog):
    assert snap_compare(AiRolesApp(catalog, lazy_panes=True), terminal_size=SIZE,
                        press=["p", "h", "h"])
