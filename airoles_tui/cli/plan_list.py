"""`airoles-tui plan list`: the saved plans in the plans folder, newest first.

Each plan with its hire count, yearly cost (as the designer's summary line figures it),
when it changed, its name and file; a file that is not a usable plan is listed with its
first problem, so one broken file never hides the others. Exit 0 when the folder could be
listed (also when it holds no plans, or some are broken: that is what the listing reports,
and `validate FILE` checks them); 2 when the folder cannot be read or the catalog is broken.
Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..controls import visible_line

if TYPE_CHECKING:
    from ..catalog.records import Catalog
    from ..plan.store import PlanEntry

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(plan_sub, add_common) -> None:
    listing = plan_sub.add_parser(
        "list", help="list the saved plans: hires, yearly cost, when changed",
        description="List the plans saved in the plans folder (--plans-dir, default the XDG "
                    "data dir), newest first, with each plan's hire count and yearly cost. "
                    "A file that is not a usable plan is listed with its problem.")
    add_common(listing)
    listing.set_defaults(handler=_cmd_list)


def when(modified: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(modified))


HEADER = f"{'modified':<16}  {'hires':>5}  {'yearly cost':>11}  plan [file]"


def plan_lines(entries: Iterable[PlanEntry], catalog: Catalog) -> list[str]:
    """One line per plan under a header: modified, hires, yearly cost, name [file]; a plan
    that cannot be read shows ✗ and its problem instead of figures. Names are a user's text,
    so their control characters are shown, never sent to the terminal."""
    from ..plan.analysis import yearly_cost
    from ..plan.model import money

    lines = [HEADER]
    for entry in entries:
        file = visible_line(entry.path.name)
        if entry.plan is None:  # the problem names the file
            lines.append(f"{when(entry.modified):<16}  {'✗':>5}  {'':>11}  cannot be read: "
                         f"{visible_line(entry.problem)}")
            continue
        cost = money(yearly_cost(entry.plan, catalog))
        lines.append(f"{when(entry.modified):<16}  {len(entry.plan.hires):>5}  {cost:>11}  "
                     f"{visible_line(entry.name)} [{file}]")
    return lines


def _cmd_list(args: argparse.Namespace) -> int:
    from ..paths import default_plans_dir
    from ..plan.store import scan_plans
    from .common import load_or_report

    folder: Path = args.plans_dir or default_plans_dir()
    shown = visible_line(str(folder))
    if folder.exists() and not folder.is_dir():
        print(f"airoles-tui: cannot list the plans in {shown}: it is not a folder",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if not folder.exists():
        print(f"No saved plans: {shown} does not exist yet (the designer creates it on the "
              "first save).")
        return EXIT_OK
    try:
        entries = scan_plans(folder)
    except OSError as exc:
        from ..files import describe_read_error

        print(f"airoles-tui: cannot list the plans in {shown}: {describe_read_error(exc)}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if not entries:
        print(f"No saved plans in {shown}.")
        return EXIT_OK
    catalog = load_or_report(args)
    if catalog is None:
        return EXIT_BAD_INPUT
    print(f"Saved plans in {shown}, newest first:")
    print("\n".join(plan_lines(entries, catalog)))
    broken = sum(1 for e in entries if e.plan is None)
    count = f"{len(entries)} plan{'s' if len(entries) != 1 else ''}"
    note = (f"; {broken} cannot be read (`airoles-tui validate FILE` lists every problem)"
            if broken else "")
    print(f"{count}{note}")
    return EXIT_OK
