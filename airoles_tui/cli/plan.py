"""`airoles-tui open FILE` and `airoles-tui plan export FILE`: plans from the command line.

Both read the plan and never write to it. A file that is not a usable plan is refused with
every problem as ``file:line: message`` and exit status 2, before any terminal UI starts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import plan_diff, plan_list

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers, add_common) -> None:
    open_cmd = subparsers.add_parser(
        "open", help="start in the org designer with a plan file",
        description="Open FILE in the org designer. Saving writes back to FILE (atomically); "
                    "the file is checked first and refused, unchanged, if it is not a plan.")
    open_cmd.add_argument("file", type=Path, metavar="FILE", help="a plan (.toml)")
    add_common(open_cmd)
    open_cmd.set_defaults(handler=_cmd_open)

    plan = subparsers.add_parser("plan", help="work with org plan files without the TUI",
                                 description="Work with org plan files without the TUI.")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    export = plan_sub.add_parser(
        "export", help="write a plan and its analysis as Markdown, JSON or CSV",
        description="Write the plan in FILE with its analysis (cost, runway, advice): "
                    "--format md (default) for people, --format json for programs, "
                    "--format csv for spreadsheets (one row per hire with its yearly cost).")
    export.add_argument("file", type=Path, metavar="FILE", help="a plan (.toml)")
    export.add_argument("--format", choices=("md", "json", "csv"), default="md",
                        help="md (a readable report, the default), json (the data) or csv "
                             "(the hires, one row each, for spreadsheets)")
    export.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="write to the file OUT (atomically) instead of standard output; "
                             "'-' is standard output")
    add_common(export)
    export.set_defaults(handler=_cmd_export)
    plan_diff.register(plan_sub, add_common)
    plan_list.register(plan_sub, add_common)


def _find(args: argparse.Namespace) -> Path | None:
    """FILE as given, or a plan of that name in the plans folder (as the app saves it) or
    among the examples; None, having said where it looked, when there is none."""
    from ..paths import default_plans_dir
    from .plan_diff import resolve

    given: Path = args.file
    name = str(given)
    if "/" in name or name.endswith(".toml"):
        return given  # a path: the loader says what is wrong with it
    plans_dir = args.plans_dir or default_plans_dir()
    try:
        path = resolve(name, plans_dir)
        found = path.exists()
    except OSError:  # a folder that cannot be searched: the loader says so
        return given
    if not found:
        print(f"airoles-tui: no plan {name!r}: not a file here, and not a saved plan in "
              f"{plans_dir}", file=sys.stderr)
        return None
    return path


def _load(path: Path | None):
    from ..plan.file_format import PlanError, load_plan

    if path is None:
        return None
    try:
        return load_plan(path)
    except PlanError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def _cmd_open(args: argparse.Namespace) -> int:
    loaded = _load(_find(args))
    if loaded is None:
        print(f"airoles-tui: not opening {args.file}: it is not a usable plan (unchanged)",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    args.initial_plan = loaded
    from .common import run_tui

    return run_tui(args)


def _cmd_export(args: argparse.Namespace) -> int:
    from .common import load_or_report

    loaded = _load(_find(args))
    if loaded is None:
        return EXIT_BAD_INPUT
    args.file = loaded.path
    catalog = load_or_report(args)
    if catalog is None:
        return EXIT_BAD_INPUT
    from ..plan.file_format import unknown_roles
    from ..plan.report import plan_csv, plan_json_text, plan_markdown
    from ..plan.store import PlanSaveError, write_atomic

    for index, role in unknown_roles(loaded.document, catalog):
        print(f"{args.file}: warning: hires[{index + 1}].role: unknown role {role!r} "
              "(costed at $0)", file=sys.stderr)
    render = {"json": plan_json_text, "csv": plan_csv}.get(args.format, plan_markdown)
    text = render(loaded.document, catalog)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
        return EXIT_OK
    why = _not_a_file_target(args.output)
    if why:
        print(f"airoles-tui: not writing the export to {args.output}: {why}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output.resolve() == args.file.resolve():
        print(f"airoles-tui: refusing to write the export over the plan itself ({args.file})",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        write_atomic(args.output, text.encode("utf-8"))
    except PlanSaveError as exc:
        print(f"airoles-tui: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _not_a_file_target(path: Path) -> str | None:
    """Why ``path`` (after symlinks) cannot be replaced by an export file, or None.

    The export is written atomically: a new file renamed over the old. Over a device or a
    FIFO that would replace the node itself (and `-o /dev/stdout` never reached stdout)."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        from ..files import describe_read_error

        return describe_read_error(exc)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a directory"
    return "it is not a regular file (a device, FIFO or socket); use -o - for standard output"
