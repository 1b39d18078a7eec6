"""The plan's three pictures at 80x24 with the worked example: in colour, in the 16-colour
theme and without colour (NO_COLOR), where the glyphs (█ ░ ! ▼ ● + ═ ◉ ◎) must carry it all."""

from __future__ import annotations

import pytest

from airoles_tui.paths import example_plans_dir
from airoles_tui.plan.file_format import load_plan
from airoles_tui.ui.app import AiRolesApp

from .test_org_snapshots import SIZE, loaded

KEYS = {"timeline": "h", "burn": "b", "org": "o"}


def app_for(catalog, tmp_path, theme: str | None = None) -> AiRolesApp:
    plan = load_plan(example_plans_dir() / "series-b-legal.toml")
    return AiRolesApp(catalog, plans_dir=tmp_path, initial_plan=plan, start_pane="org",
                      theme=theme, lazy_panes=True)


@pytest.mark.parametrize("kind", list(KEYS))
def test_picture_in_colour(snap_compare, catalog, tmp_path, kind):
    assert snap_compare(app_for(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=[KEYS[kind]])


@pytest.mark.parametrize("kind", list(KEYS))
def test_picture_in_16_colours(snap_compare, catalog, tmp_path, kind):
    assert snap_compare(app_for(catalog, tmp_path, "ansi-dark"), terminal_size=SIZE,
                        run_before=loaded, press=[KEYS[kind]])


@pytest.mark.parametrize("kind", list(KEYS))
def test_picture_without_colour(snap_compare, catalog, tmp_path, monkeypatch, kind):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(app_for(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=[KEYS[kind]])


def test_org_chart_at_growth(snap_compare, catalog, tmp_path):
    """n in the org chart: the growth stage's teams, with today's headcount beside each."""
    assert snap_compare(app_for(catalog, tmp_path), terminal_size=SIZE, run_before=loaded,
                        press=["o", "n"])
