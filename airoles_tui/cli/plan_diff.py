"""`airoles-tui plan diff A B`: what changed between two plans, for people or programs.

A and B are paths, or names of plans in the plans folder (or of the shipped examples). Both
are read, never written. Exit 0 when the two could be compared (same or not), 2 when either
is not a usable plan.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(plan_sub, add_common) -> None:
    diff = plan_sub.add_parser(
        "diff", help="show what changed between two plans",
        description="Compare plan A with plan B: hires added, removed, moved or changed, the "
                    "structure, yearly cost and runway, and the growth stage. A and B are "
                    "files, or names of plans in the plans folder.")
    diff.add_argument("a", metavar="A", help="the plan before (a file or a saved plan's name)")
    diff.add_argument("b", metavar="B", help="the plan after")
    diff.add_argument("--format", choices=("md", "json"), default="md",
                      help="md (readable, the default) or json")
    add_common(diff)
    diff.set_defaults(handler=_cmd_diff)


def resolve(name: str, plans_dir: Path) -> Path:
    """A path as given when it is a file or looks like one; else a saved plan of that name,
    else a shipped example; else the path as given (the loader says what is wrong). A
    directory here of the plan's name is not a plan: it does not hide the saved one."""
    from ..paths import example_plans_dir
    from ..plan.store import plan_path

    given = Path(name)
    if given.is_file() or "/" in name:
        return given
    for folder in (plans_dir, example_plans_dir()):
        candidate = plan_path(folder, name)
        if candidate.exists():
            return candidate
    return given


def _cmd_diff(args: argparse.Namespace) -> int:
    from ..paths import default_plans_dir
    from ..plan.file_format import PlanError, load_plan
    from .common import load_or_report

    plans_dir = args.plans_dir or default_plans_dir()
    plans = []
    for name in (args.a, args.b):
        path = resolve(name, plans_dir)
        try:
            plans.append((path, load_plan(path).document))
        except PlanError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"airoles-tui: cannot compare: {name} is not a usable plan", file=sys.stderr)
            return EXIT_BAD_INPUT
    catalog = load_or_report(args)
    if catalog is None:
        return EXIT_BAD_INPUT
    from ..plan.diff import compare, diff_json, diff_markdown

    (path_a, a), (path_b, b) = plans
    d = compare(a, b, catalog)
    render = diff_json if args.format == "json" else diff_markdown
    sys.stdout.write(render(d, str(path_a), str(path_b)))
    return EXIT_OK
