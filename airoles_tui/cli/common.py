"""What every sub-command shares: finding and loading the catalog, starting the TUI.

Kept apart from ``main`` so the sub-command modules that ``main`` registers can use it
without importing ``main`` back.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..paths import data_dir

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def catalog_dir(args: argparse.Namespace) -> Path:
    return args.data_dir if getattr(args, "data_dir", None) else data_dir()


def load_or_report(args: argparse.Namespace, *, cached: bool = False, strict: bool = False):
    """Load the catalog for a command; on failure print every problem and return None.

    ``cached`` (the interactive app) reuses the last parse of an unchanged catalog;
    ``strict`` (`validate`) also requires every entry's provenance.
    """
    try:
        if cached:  # a cache hit needs neither the TOML reader nor the checker: not imported
            from ..catalog.cache import load_catalog_cached

            return load_catalog_cached(catalog_dir(args))
        from ..catalog.loader import load_catalog

        return load_catalog(catalog_dir(args), require_provenance=strict)
    except Exception as exc:
        from ..catalog.loader import CatalogError

        if not isinstance(exc, CatalogError):
            raise
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def unknown_background(rules, background: str) -> str:
    """What `recommend` and `learn` say to a background the rule table does not have."""
    return (f"unknown background {background!r}; choose one of: "
            + ", ".join(b.id for b in rules.backgrounds))


WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def _under_textual_serve() -> bool:
    """textual-serve (`airoles-tui serve web`) runs the app on pipes with Textual's web
    driver, which speaks its own protocol instead of a terminal's."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def run_tui(args: argparse.Namespace) -> int:
    # Textual reads its environment once, at import: set these first. Over SSH a lone Esc
    # must not wait 100 ms+ to be told apart from an escape sequence.
    os.environ.setdefault("ESCDELAY", "25")
    from ..ui.theme import starting_theme

    try:
        args.theme = starting_theme(args.theme)
    except ValueError as exc:
        print(f"airoles-tui: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    catalog = load_or_report(args, cached=True)
    if catalog is None:
        print("airoles-tui: not starting: fix the catalog above (see `airoles-tui validate`)",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if not (_is_terminal(sys.stdin) and _is_terminal(sys.stdout)) and not _under_textual_serve():
        print("airoles-tui: the interactive app needs a terminal; for scripts use "
              "`airoles-tui recommend` or `airoles-tui validate`", file=sys.stderr)
        return EXIT_BAD_INPUT
    from ..ui.app import run_app

    return run_app(args, catalog)


def _is_terminal(stream) -> bool:
    """A closed descriptor (`airoles-tui <&-`) leaves the stream None: not a terminal."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False
