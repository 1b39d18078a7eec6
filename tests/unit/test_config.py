"""The settings file: defaults when absent, tolerant of newer keys, never fatal when broken."""

from __future__ import annotations

import tomllib

import pytest

from airoles_tui.config import (
    Settings,
    SettingsError,
    config_path,
    load_settings,
    save_settings,
)


def test_no_file_means_defaults():
    assert load_settings() == (Settings(), [])


def test_save_then_load_round_trips_in_the_xdg_config_dir(tmp_path):
    save_settings(Settings(theme="nord"))
    assert config_path() == tmp_path / "xdg-config" / "airoles-tui" / "config.toml"
    assert load_settings() == (Settings(theme="nord"), [])
    assert [p.name for p in config_path().parent.iterdir()] == ["config.toml"]  # no temp left


def test_keys_of_a_newer_version_are_kept_and_ignored():
    config_path().parent.mkdir(parents=True)
    config_path().write_text('future = "yes"\ntheme = "dracula"\n')
    assert load_settings() == (Settings(theme="dracula"), [])
    save_settings(Settings(theme="gruvbox"))
    assert tomllib.loads(config_path().read_text()) == {"future": "yes", "theme": "gruvbox"}


def test_broken_file_reports_where_and_falls_back():
    config_path().parent.mkdir(parents=True)
    config_path().write_text('theme = \n')
    settings, problems = load_settings()
    assert settings == Settings()
    assert len(problems) == 1 and "invalid TOML" in str(problems[0])
    assert str(problems[0]).startswith(f"{config_path()}:1:")


def test_wrong_type_is_a_problem_not_a_crash():
    config_path().parent.mkdir(parents=True)
    config_path().write_text('\n\ntheme = 3\n')
    settings, problems = load_settings()
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        f"{config_path()}:3: theme: expected a non-empty string, got the integer 3"]


COMMENTED = """\
# My settings. Themes: see `airoles-tui --help`.
theme = "dracula"   # dark, for the evening

# Keys of a newer version, laid out my way:
[future]
colours = [ "red",
            "blue" ]  # one per line
"""


def test_the_users_comments_and_layout_survive_a_change():
    config_path().parent.mkdir(parents=True)
    config_path().write_text(COMMENTED)
    save_settings(Settings(theme="nord"))
    assert config_path().read_text() == COMMENTED.replace('"dracula"', '"nord"')
    assert load_settings() == (Settings(theme="nord"), [])


def test_a_setting_added_to_a_commented_file_keeps_the_comments():
    config_path().parent.mkdir(parents=True)
    config_path().write_text("# nothing chosen yet\n")
    save_settings(Settings(theme="nord"))
    assert config_path().read_text() == '# nothing chosen yet\ntheme = "nord"\n'
    save_settings(Settings())  # back to the default: the key goes, the comment stays
    assert config_path().read_text() == "# nothing chosen yet\n"


@pytest.mark.parametrize("text, where", [
    ("# mine\ntheme = \n", ":2: invalid TOML"),
    ("# mine\n\ntheme = 3\n", ":3: theme: expected a non-empty string, got the integer 3"),
], ids=["syntax", "type"])
def test_a_bad_file_is_never_modified_and_says_where(text, where):
    config_path().parent.mkdir(parents=True)
    config_path().write_text(text)
    with pytest.raises(SettingsError) as refused:
        save_settings(Settings(theme="nord"))
    assert config_path().read_text() == text
    assert str(refused.value).startswith(f"{config_path()}{where}")
    assert [p.name for p in config_path().parent.iterdir()] == ["config.toml"]  # no temp left
