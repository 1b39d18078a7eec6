"""The user's settings: ``config.toml`` in the XDG config dir (today: the chosen theme).

A broken or unreadable settings file must never keep the app from starting: loading reports
what is wrong and falls back to the defaults, and saving leaves it untouched. Saving is atomic
(temp file, fsync, rename), so two sessions of the same user writing at once leave one whole
file, never a mix, and keeps what the user wrote around the settings (comments, order).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import user_config_dir

if TYPE_CHECKING:
    from .validation.source import Problem, TomlSource

# The TOML reader, writer and checker are imported when a settings file is there to read or
# write: most starts have none, and they are ~7 ms of every start's first frame.

CONFIG_NAME = "config.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str | None = None


def config_path() -> Path:
    return user_config_dir() / CONFIG_NAME


class SettingsError(Exception):
    """config.toml cannot be read as settings, so it is left as it is; ``problems`` says
    where (file:line) and what is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _read(path: Path) -> tuple[TomlSource | None, list[Problem]]:
    """The settings file parsed and checked (None when there is none), or its problems."""
    if not path.exists():
        return None, []
    from .validation.schema import STR, Checker, F, Spec
    from .validation.source import SourceError, TomlSource

    # Keys a newer version added are kept on save and ignored on load, never an error.
    spec: Spec = {
        "theme": F(STR, required=False),  # a Textual theme name (see --theme)
    }
    try:
        source = TomlSource.read(path)
    except SourceError as exc:
        return None, exc.problems
    checker = Checker(source)
    if not checker.record({k: v for k, v in source.data.items() if k in spec}, spec, ()):
        return None, checker.problems
    return source, []


def load_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """The saved settings, or the defaults and the problems that made us ignore the file."""
    source, problems = _read(path or config_path())
    if source is None:
        return Settings(), problems
    return Settings(theme=source.data.get("theme")), []


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, changing only the keys they hold: the user's comments,
    layout and keys this version does not know stay as written (tomlkit edits the document
    in place). A file that does not read as settings is never touched: SettingsError names
    its file and line, so the user can fix what they wrote rather than lose it."""
    import tomlkit

    from .files import write_atomic

    path = path or config_path()
    source, problems = _read(path)
    if problems:
        raise SettingsError(problems)
    doc = tomlkit.parse(source.text) if source is not None else tomlkit.document()
    if settings.theme is None:
        doc.pop("theme", None)
    else:
        doc["theme"] = settings.theme
    write_atomic(path, tomlkit.dumps(doc).encode())
