"""Everything that touches Textual's or Rich's private names lives here, behind one door.

Each patch is registered below with the check of the shape it was written for. ``install()``
(run once, when ui/app is imported) applies each patch whose shape is there; where Textual
has changed, that patch leaves Textual's own behaviour in place and logs one line, so an
upgrade may cost speed or memory, never a crash. ``AIROLES_TUI_STOCK_TEXTUAL=1`` turns every
patch off (the functional tests pass that way too); a comma-separated list of patch names
turns off only those, which is how tests/bench/run.py measures what each one buys.

Code outside this package asks :func:`active` before taking a patched path, and otherwise
uses Textual's public API; tests/unit/test_textual_privates.py fails if a private Textual or
Rich name appears anywhere else.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

STOCK_ENV = "AIROLES_TUI_STOCK_TEXTUAL"

log = logging.getLogger("airoles_tui.textual_compat")


@dataclass
class Patch:
    """One patch: what it is for, whether Textual has the shape it needs, how to apply it."""

    name: str
    purpose: str
    fits: Callable[[], bool]  # the shape the patch was written for is there
    apply: Callable[[], object] | None = None  # for patches that replace something in Textual
    active: bool = False


PATCHES: dict[str, Patch] = {}


def register(name: str, purpose: str, fits: Callable[[], bool],
             apply: Callable[[], object] | None = None) -> Patch:
    patch = PATCHES[name] = Patch(name, purpose, fits, apply)
    return patch


def turned_off(name: str) -> bool:
    """Whether the user (or the benchmark) asked for Textual's own behaviour here."""
    value = os.environ.get(STOCK_ENV, "").strip().lower()
    if value in ("", "0", "no", "false"):
        return False
    if value in ("1", "yes", "true", "all"):
        return True
    return name in {part.strip() for part in value.split(",")}


def decide(patch: Patch) -> bool:
    """Apply one patch if wanted and if it fits; log one line when it does not fit."""
    if patch.active:
        return True
    if turned_off(patch.name):
        return False
    try:
        fits = patch.fits()
    except Exception:  # noqa: BLE001 - a check that cannot even look means it does not fit
        fits = False
    if not fits:
        log.warning("airoles-tui: Textual has changed where the %s patch (%s) applies; "
                    "using Textual's own behaviour", patch.name, patch.purpose)
        return False
    if patch.apply is not None:
        patch.apply()
    patch.active = True
    return True


# The patches, each a module of this package named as the patch; each registers on import.
NAMES = ("screen_diff", "lean_strip", "styles_cache_fix", "footer", "quiet_focus", "filter_now",
         "tree_lines", "hidden_panes")


def active(name: str) -> bool:
    """Whether the patch ``name`` is in force (decided on first ask)."""
    if name not in PATCHES:
        importlib.import_module(f"{__name__}.{name}")
    return decide(PATCHES[name])


def install() -> dict[str, bool]:
    """Decide every patch now (before the first widget draws a line); name -> in force."""
    return {name: active(name) for name in NAMES}
