"""Where the shipped catalog and styles live, and where a user's plans and settings go.

In a wheel, ``data/`` and ``styles/`` are copied inside the package; in a source checkout
(editable install, tests) they sit at the repository's top level. Both layouts must work.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

APP_NAME = "airoles-tui"


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def data_dir() -> Path:
    """The catalog that ships with the app."""
    return _shipped("data")


def styles_dir() -> Path:
    return _shipped("styles")


def example_plans_dir() -> Path:
    return data_dir() / "plans"


def _xdg(env: str, fallback: str) -> Path:
    # The XDG rules, which are all we need; platformdirs would be an import on the headless path.
    base = os.environ.get(env)
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / fallback
    return root / APP_NAME


def user_data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share")


def user_config_dir() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config")


def user_cache_dir() -> Path:
    return _xdg("XDG_CACHE_HOME", ".cache")


def user_state_dir() -> Path:
    """What the app remembers between sessions that is neither a setting nor the user's data
    (the plans last opened): losing it costs nothing but a convenience."""
    return _xdg("XDG_STATE_HOME", ".local/state")


def default_plans_dir() -> Path:
    return user_data_dir() / "plans"


def matrices_dir() -> Path:
    """Where skills matrices are saved, as plans are in the plans folder."""
    return user_data_dir() / "matrices"
