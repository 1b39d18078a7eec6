"""Themes: --theme, the saved choice, the 16-colour default, and remembering a palette pick."""

from __future__ import annotations

import subprocess
import sys

import pytest

from airoles_tui.config import Settings, config_path, load_settings, save_settings
from airoles_tui.ui.app import AiRolesApp
from airoles_tui.ui.theme import sixteen_colour_terminal, starting_theme

from .widget_app import palette_hits, paste


def test_flag_beats_saved_choice():
    save_settings(Settings(theme="dracula"))
    assert starting_theme("nord") == "nord"
    assert starting_theme(None) == "dracula"


def test_unknown_theme_names_the_valid_ones():
    with pytest.raises(ValueError, match="unknown theme 'nope'; choose one of: .*nord"):
        starting_theme("nope")


def test_unknown_theme_on_the_command_line_exits_2():
    run = subprocess.run([sys.executable, "-m", "airoles_tui", "--theme", "nope"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "unknown theme 'nope'" in run.stderr and "textual-dark" in run.stderr


@pytest.mark.parametrize(("env", "sixteen"), [
    ({"TERM": "xterm-256color"}, False),
    ({"TERM": "xterm"}, True),
    ({"TERM": "linux"}, True),
    ({"TERM": "screen"}, True),
    ({"TERM": "xterm", "COLORTERM": "truecolor"}, False),
])
def test_sixteen_colour_terminals(env, sixteen):
    assert sixteen_colour_terminal(env) is sixteen


def test_saved_theme_that_no_longer_exists_falls_back(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)
    save_settings(Settings(theme="gone-theme"))
    assert starting_theme(None) == "textual-dark"


async def test_app_starts_in_the_given_theme_and_remembers_a_new_pick(catalog):
    app = AiRolesApp(catalog, theme="nord", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "nord"
        await pilot.pause()
        assert load_settings()[0].theme is None  # starting in a theme is not a choice
        app.theme = "gruvbox"  # what the palette's "Change theme" does
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert load_settings()[0].theme == "gruvbox"
    assert starting_theme(None) == "gruvbox"


async def test_palette_offers_the_themes(catalog):
    app = AiRolesApp(catalog, lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await paste(pilot, "theme")
        await palette_hits(pilot, "theme")
        await pilot.press("enter")  # the themes, in a palette of their own
        await paste(pilot, "dracula")
        await palette_hits(pilot, "dracula")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.theme == "dracula"
    assert load_settings()[0].theme == "dracula"


async def test_a_starting_theme_reaches_content_styles(catalog):
    # Content styled "$accent" (the role card, the plan pictures) resolves against
    # app.theme_variables; a theme set before the first frame must be the one it uses.
    app = AiRolesApp(catalog, theme="ansi-dark", lazy_panes=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme_variables["text-success"] == "ansi_green"
        assert app.theme_variables["accent"] == app.current_theme.accent


async def test_a_pick_with_a_broken_settings_file_leaves_it_and_says_where(catalog):
    config_path().parent.mkdir(parents=True)
    config_path().write_text("# mine\ntheme = \nother = 1\n")
    app = AiRolesApp(catalog, theme="nord", lazy_panes=True)
    said: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: said.append(message)
        app.theme = "gruvbox"  # what the palette's "Change theme" does
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert config_path().read_text() == "# mine\ntheme = \nother = 1\n"
    assert any(m.startswith(f"Theme not remembered: {config_path()}:2: invalid TOML")
               for m in said), said
