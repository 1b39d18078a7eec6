"""`airoles-tui learn ROLE`: the learning plan for a target role, for a terminal or a file.

The skills still to learn come from the marks made in the app (the skill list of a role's
card); the pathway from ``--background``, or every pathway the article gives into the role.
An unknown role or background, or a skill-progress file that does not validate, is refused
with exit 2 and a message that names what to fix.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "learn", help="the learning plan for a target role: skills left, pathway, case studies",
        description="Print the learning plan for ROLE: its key skills you have not marked as "
                    "had or skipped (mark them with s on a role's card in the app), the "
                    "article's pathway steps, and the case studies that show the role at work.")
    parser.add_argument("role", metavar="ROLE",
                        help="a role id, name or abbreviation, e.g. ml-engineer or \"MLE\"")
    parser.add_argument("--background", metavar="ID",
                        help="your background (as in `recommend`): its pathway's steps; "
                             "without it, the pathways that lead to ROLE")
    parser.add_argument("--format", choices=("text", "md"), default="text",
                        help="text (default) or md (Markdown, with [ ] boxes to tick)")
    add_common(parser)
    parser.set_defaults(handler=run)


def _refuse(message: str) -> int:
    print(f"airoles-tui learn: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from ..recommend.learning import as_lines, close_roles, find_role, learning_plan
    from ..recommend.progress import describe, load, progress_path
    from ..validation.source import SourceError
    from .common import load_or_report, unknown_background

    catalog = load_or_report(args, cached=True)
    if catalog is None:
        return EXIT_BAD_INPUT
    role = find_role(catalog, args.role)
    if role is None:
        close = close_roles(catalog, args.role)
        hint = (f"did you mean {', '.join(close)}?" if close
                else "the role ids are: " + ", ".join(r.id for r in catalog.roles[:20])
                + (", …" if len(catalog.roles) > 20 else ""))
        return _refuse(f"unknown role {args.role!r}; {hint}")
    rules = catalog.recommender
    if args.background and rules.background(args.background) is None:
        return _refuse(unknown_background(rules, args.background))
    try:
        progress = load(progress_path())
    except SourceError as exc:
        return _refuse(f"your skill marks cannot be read (the file is left as it is):\n"
                       f"{describe(exc.problems)}")
    plan = learning_plan(catalog, progress, role, args.background or "")
    from ..controls import visible

    print(visible("\n".join(as_lines(catalog, plan, markdown=args.format == "md"))))
    return EXIT_OK
