"""The plans opened or saved last, newest first: the designer reopens the first at launch and
ctrl+o lists them before the rest.

Kept in the XDG state dir (``recent-plans.toml``), not with the settings: it is what the app
noticed, not what the user chose, and a lost or broken file costs only that convenience, so
reading it never fails and writing it never interrupts a save (see ``remember``).
"""

from __future__ import annotations

from pathlib import Path

from ..paths import user_state_dir
from .store import PlanEntry, plan_entry

RECENT_NAME = "recent-plans.toml"
KEEP = 10  # a short list to pick from; older entries fall off


def recent_path() -> Path:
    return user_state_dir() / RECENT_NAME


def recent_plans(state: Path | None = None) -> list[Path]:
    """The remembered plan files, newest first, as absolute paths; [] when there is no list or
    it cannot be read (a broken state file is ignored and replaced by the next remember).
    Whether each file is still there and still a plan is the caller's to find out."""
    from ..validation.source import SourceError, TomlSource

    state = state or recent_path()
    if not state.exists():
        return []
    try:
        data = TomlSource.read(state).data
    except SourceError:
        return []
    plans = data.get("plans")
    if not isinstance(plans, list):
        return []
    out: list[Path] = []
    for item in plans:
        if isinstance(item, str) and item and Path(item).is_absolute() and "\0" not in item:
            path = Path(item)
            if path not in out:
                out.append(path)
    return out[:KEEP]


def remember(path: Path, state: Path | None = None) -> str | None:
    """Put ``path`` first in the list (atomically written); None, or why it could not be
    written, for a caller that wants to say so once. Two sessions remembering at one moment
    keep one of the two lists whole: a recent list is not worth a lock."""
    path = path.absolute()
    return _write([path, *(p for p in recent_plans(state) if p != path)][:KEEP], state)


def forget(path: Path, state: Path | None = None) -> str | None:
    """Take ``path`` off the list (a plan that is gone is not offered again)."""
    plans = recent_plans(state)
    if path.absolute() not in plans:
        return None
    return _write([p for p in plans if p != path.absolute()], state)


def _write(plans: list[Path], state: Path | None) -> str | None:
    import tomli_w

    from ..files import WriteError, write_atomic

    state = state or recent_path()
    try:
        data = tomli_w.dumps({"plans": [str(p) for p in plans]}).encode()
    except UnicodeEncodeError:  # a file name that is not UTF-8: not worth remembering
        return "a plan's file name is not UTF-8 text"
    try:
        write_atomic(state, data, durable=False, private=True)  # it names the user's files
    except WriteError as exc:
        return str(exc)
    return None


def recent_entries(state: Path | None = None) -> list[PlanEntry]:
    """The remembered plans that still exist, newest first, each read (so a listing shows its
    hire count and cost, or its problem)."""
    entries = (plan_entry(path) for path in recent_plans(state))
    return [entry for entry in entries if entry is not None]
