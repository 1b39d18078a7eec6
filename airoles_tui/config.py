"""The user's settings: ``config.toml`` in the XDG config dir (today: the chosen theme).

A broken or unreadable settings file must never keep the app from starting: loading reports
what is wrong and falls back to the defaults. Saving is atomic (temp file, fsync, rename), so
two sessions of the same user writing at once leave one whole file, never a mix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import user_config_dir

if TYPE_CHECKING:
    from .validation.source import Problem

# The TOML reader, writer and checker are imported when a settings file is there to read or
# write: most starts have none, and they are ~7 ms of every start's first frame.

CONFIG_NAME = "config.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str | None = None


def config_path() -> Path:
    return user_config_dir() / CONFIG_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """The saved settings, or the defaults and the problems that made us ignore the file."""
    path = path or config_path()
    if not path.exists():
        return Settings(), []
    from .validation.schema import STR, Checker, F, Spec
    from .validation.source import SourceError, TomlSource

    # Keys a newer version added are kept on save and ignored on load, never an error.
    spec: Spec = {
        "theme": F(STR, required=False),  # a Textual theme name (see --theme)
    }
    try:
        source = TomlSource.read(path)
    except SourceError as exc:
        return Settings(), exc.problems
    checker = Checker(source)
    if not checker.record({k: v for k, v in source.data.items() if k in spec}, spec, ()):
        return Settings(), checker.problems
    return Settings(theme=source.data.get("theme")), []


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, keeping keys this version does not know about."""
    import tomli_w

    from .files import write_atomic
    from .validation.source import SourceError, TomlSource

    path = path or config_path()
    data: dict = {}
    try:
        data = TomlSource.read(path).data
    except SourceError:
        pass  # missing or broken: start afresh rather than refuse to remember
    if settings.theme is None:
        data.pop("theme", None)
    else:
        data["theme"] = settings.theme
    write_atomic(path, tomli_w.dumps(data).encode())
