"""Themes: Textual's own, chosen with --theme or from the palette, remembered across sessions.

The choice is written to config.toml when the user changes it (palette: "Change theme"), and
applied before the first frame on the next start. Over ssh most terminals get 256 colours;
with 16 (TERM=xterm, screen, linux) and no saved choice we start on ``ansi-dark``, whose
colours are the terminal's own instead of approximations of truecolour ones.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from textual.theme import BUILTIN_THEMES

from ..config import Settings, SettingsError, load_settings, save_settings

if TYPE_CHECKING:
    from textual.app import App

DEFAULT = "textual-dark"
SIXTEEN_COLOURS = "ansi-dark"


def theme_names() -> list[str]:
    return sorted(BUILTIN_THEMES)


def sixteen_colour_terminal(env=os.environ) -> bool:
    """Terminals that report neither truecolour nor 256 colours (what ssh gives TERM=xterm)."""
    if env.get("COLORTERM", "") in ("truecolor", "24bit"):
        return False
    term = env.get("TERM", "")
    return bool(term) and "256" not in term and "direct" not in term


def starting_theme(requested: str | None) -> str:
    """--theme, else the saved choice, else a default fitting the terminal.

    Raises ValueError naming the valid themes when ``requested`` is not one.
    """
    names = theme_names()
    if requested is not None:
        if requested not in names:
            raise ValueError(f"unknown theme {requested!r}; choose one of: {', '.join(names)}")
        return requested
    saved, problems = load_settings()
    for problem in problems:
        print(f"airoles-tui: ignoring settings: {problem}", file=sys.stderr)
    if saved.theme in names:
        return saved.theme
    return SIXTEEN_COLOURS if sixteen_colour_terminal() else DEFAULT


def remember(app: App, name: str) -> None:
    """Save a theme the user picked, off the event loop (the write is fsync'd). A settings
    file that does not read, or cannot be written, is left as it is and the user told why."""
    def write() -> None:
        current, _ = load_settings()
        if current.theme == name:
            return
        try:
            save_settings(Settings(theme=name))
        except (SettingsError, OSError) as exc:
            app.call_from_thread(app.notify, f"Theme not remembered: {exc}",
                                 title="Settings", severity="warning", timeout=15,
                                 markup=False)

    app.run_worker(write, thread=True, group="settings", exclusive=True)
