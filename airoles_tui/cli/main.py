"""Command-line entry: the TUI by default, headless sub-commands beside it.

Headless commands never import textual, so they answer in a few tens of milliseconds and
work in scripts and cron jobs. Exit status: 0 ok, 2 bad input (argparse uses 2 as well).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import __version__
from .common import EXIT_BAD_INPUT, EXIT_OK, catalog_dir, load_or_report, run_tui

Handler = Callable[[argparse.Namespace], int]


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # At the top level options get real defaults; on sub-commands SUPPRESS keeps a value
    # given before the sub-command (`airoles-tui --data-dir X validate`) from being reset.
    default = (lambda v: v) if top else (lambda v: argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, default=default(None), metavar="DIR",
                        help="use the catalog in DIR instead of the one shipped with the app")
    parser.add_argument("--plans-dir", type=Path, default=default(None), metavar="DIR",
                        help="where plans are saved and opened (default: the XDG data dir)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="airoles-tui",
        description="Browse AI/ML roles, read the case studies, run the role recommender and "
                    "design a 15-hire AI team, from the keyboard.",
    )
    parser.add_argument("--version", action="version", version=f"airoles-tui {__version__}")
    _common(parser, top=True)
    parser.add_argument("--theme", metavar="NAME", help="start with this Textual theme")
    parser.add_argument("--no-mouse", action="store_true",
                        help="do not ask the terminal for mouse reports (slow links)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = sub.add_parser(
        "validate", help="check a catalog directory or plan files and report every problem",
        description="Check the catalog (default: the shipped one, or --data-dir) and any plan "
                    "FILEs given. Prints file:line: problem lines; exit 0 if all is well, 2 if not.")
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE",
                          help="plan files to check against the catalog")
    _common(validate, top=False)
    validate.set_defaults(handler=_cmd_validate)

    for register in _extra_commands():
        register(sub, lambda p: _common(p, top=False))
    return parser


def _extra_commands() -> list[Callable[..., None]]:
    """Sub-commands that live in their own modules, so each feature owns its CLI surface.

    Each module exposes ``register(subparsers, add_common)``; imports stay inside this
    function so that `--version` and `validate` load nothing they do not use.
    """
    from . import learn as cli_learn
    from . import plan as cli_plan
    from . import recommend as cli_recommend
    from . import serve as cli_serve

    return [cli_recommend.register, cli_learn.register, cli_plan.register,
            cli_serve.register]


def _cmd_validate(args: argparse.Namespace) -> int:
    catalog = load_or_report(args, strict=True)
    if catalog is None:
        return EXIT_BAD_INPUT
    status = EXIT_OK
    if args.files:
        from ..plan.file_format import check_plan_files

        status = check_plan_files(args.files, catalog)
    else:
        print(f"{catalog_dir(args)}: ok ({len(catalog.roles)} roles, "
              f"{len(catalog.case_studies)} case studies, "
              f"{len(catalog.team_structures)} team structures)")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up allocates most of what the process will ever hold, and almost none of it is
    # garbage: the collector's ~170 passes over it cost ~50 ms of the first frame. The app
    # collects once and turns it back on after its first frame; a command runs to its end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _dispatch(argv)
    finally:
        if collecting:  # a caller in the same process (tests) gets its collector back
            gc.enable()


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", run_tui)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `airoles-tui recommend | head -1`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
