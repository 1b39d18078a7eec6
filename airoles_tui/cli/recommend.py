"""`airoles-tui recommend`: the article's recommender for scripts and for people in a hurry.

Prints the article's answer (top three roles, one reason each); ``--all`` adds every role that
scored with every reason, ``--json`` the same as data. Unknown backgrounds and interests are
refused with the valid choices (exit 2) rather than silently falling back as the article's
function does: a typo should not quietly answer a different question.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, NamedTuple

from ..catalog.records import Catalog
from ..recommend.scoring import (
    MAX_YEARS,
    PATHWAY_MATCH_NOTE,
    PAY_ASSUMPTION,
    Recommendation,
    Scored,
    bands_legend,
    parse_years,
    pathway_for,
    pathway_match_is_ours,
    pay_range,
    pay_slice,
    recommend,
    seniority_band,
    unscored,
)
from ..recommend.seniority import CHANGE_NOTE, RULE, Placement, band_line, place

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _years(text: str) -> int:
    try:
        return parse_years(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "recommend", help="suggest AI roles from a background, interests and years of experience",
        description="The article's role recommender: prints the top three roles with a reason "
                    "each. Backgrounds and interests are ids from the catalog's recommender "
                    "rules (an unknown one lists the valid choices).")
    parser.add_argument("--background", required=True, metavar="ID",
                        help="e.g. software_engineering, data_analytics, academia_research, "
                             "non_technical")
    parser.add_argument("--interest", action="append", default=[], metavar="ID",
                        help="repeat for several: research, deployment, data, product, safety, "
                             "client_facing (their order breaks ties, as in the article)")
    parser.add_argument("--years", type=_years, metavar="N",
                        help=f"years in your background's field, a whole number 0–{MAX_YEARS}: "
                             "adds the band each role would likely start at and its slice of "
                             "the role's 2026 pay range")
    parser.add_argument("--target-years", type=_years, metavar="N",
                        help="years already doing the target kind of work (default 0; count "
                             "each year once, not also in --years). They count in full; field "
                             "years count half, at most 5, and only for the roles the article "
                             "gives your background (our rule, printed with the bands)")
    parser.add_argument("--all", action="store_true",
                        help="every role that scored, with its score and every reason")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_common(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .common import load_or_report, unknown_background

    # The parse kept from the last start of an unchanged catalog, as the app uses it: a
    # recommendation is read, not checked (`validate` checks).
    catalog = load_or_report(args, cached=True)
    if catalog is None:
        return EXIT_BAD_INPUT
    rules = catalog.recommender
    problems = []
    if rules.background(args.background) is None:
        problems.append(unknown_background(rules, args.background))
    interests = list(dict.fromkeys(args.interest))  # a repeated interest counts once
    unknown = [i for i in interests if rules.interest(i) is None]
    if unknown:
        problems.append(f"unknown interest {', '.join(map(repr, unknown))}; choose from: "
                        + ", ".join(i.id for i in rules.interests))
    if problems:
        for problem in problems:
            print(f"airoles-tui recommend: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    rec = recommend(rules, args.background, interests)
    shown = rec.ranking if args.all else rec.top
    years = None if args.years is None and args.target_years is None else Years(
        args.years or 0, args.target_years or 0)
    from ..controls import json_text, visible

    if args.json:
        print(json_text(as_json(catalog, rec, shown, years)))
    else:
        print(visible("\n".join(as_text(catalog, rec, shown, years, every_reason=args.all))))
    return EXIT_OK


class Years(NamedTuple):
    """The two numbers a band is placed from (see recommend/seniority.py)."""

    field: int
    target: int

    def place(self, catalog: Catalog, rec: Recommendation, role_id: str) -> Placement:
        return place(catalog.recommender, rec.background, role_id, self.field, self.target)


def _name(catalog: Catalog, role_id: str) -> str:
    role = catalog.role(role_id)
    return role.name if role else role_id


def as_text(catalog: Catalog, rec: Recommendation, shown: tuple[Scored, ...],
            years: Years | None, *, every_reason: bool) -> list[str]:
    rules = catalog.recommender
    background = rules.background(rec.background)
    interests = ", ".join(rec.interests) or "none"
    head = f"{background.label if background else rec.background}; interests: {interests}"
    if years is not None:
        head += f"; {years.field} years in the field, {years.target} doing the target work"
    lines = [head, ""]
    below = False
    for s in shown:
        tied = rec.tied_with(s.role)
        tie = f", tied with {', '.join(_name(catalog, t.role) for t in tied)}" if tied else ""
        if s.rank == rec.top_n + 1:
            lines.append(f"-- beyond the article's top {rec.top_n} --")
        if every_reason:
            lines.append(f"{s.rank:>2}. {_name(catalog, s.role)} (score {s.score}{tie})")
            lines += [f"     +{points} {reason}"
                      for points, reason in zip(s.points, s.reasons, strict=True)]
        else:
            lines.append(f"{s.rank}. {_name(catalog, s.role)}: {s.reason}")
        if years is not None or every_reason:
            lines.append(f"     {pay_range(catalog, s.role)}")
        if years is not None:
            placed = years.place(catalog, rec, s.role)
            below = below or placed.below_current
            lines.append(f"     {band_line(catalog, placed)}")
    cut = rec.tie_at_cut()
    if cut:
        lines += ["", f"Left out of the top {rec.top_n} only by tie order: "
                  + ", ".join(_name(catalog, s.role) for s in cut)
                  + " (equal scores keep the order the rules met them)."]
    missed = unscored(catalog, rec)
    if every_reason and missed:
        lines += ["", "No points from these answers: "
                  + ", ".join(_name(catalog, r) for r in missed) + "."]
    pathway = pathway_for(catalog, rec.background)
    if pathway:
        lines += ["", f"Pathway: {pathway.name}"]
        if pathway_match_is_ours(catalog, rec.background, pathway):
            lines.append(PATHWAY_MATCH_NOTE)
        lines += [f"  - {step}" for step in pathway.steps]
    if years is not None:
        lines += ["", f"Seniority bands: {bands_legend()}.", RULE]
        lines += [CHANGE_NOTE] if below else []
        lines.append(PAY_ASSUMPTION)
    return lines


def as_json(catalog: Catalog, rec: Recommendation, shown: tuple[Scored, ...],
            years: Years | None) -> dict[str, Any]:
    def entry(s: Scored) -> dict[str, Any]:
        role = catalog.role(s.role)
        out: dict[str, Any] = {
            "role": s.role, "name": _name(catalog, s.role), "score": s.score,
            "reasons": list(s.reasons), "rank": s.rank,
            "tied_with": [t.role for t in rec.tied_with(s.role)],
        }
        comp = role.compensation if role else None
        if comp is not None:
            out["pay_2026"] = {"min_usd": comp.min_usd, "max_usd": comp.max_usd,
                               "open_ended": comp.open_ended, "basis": comp.basis}
        if years is not None:
            p = years.place(catalog, rec, s.role)
            out["band"] = {"id": p.band.id, "label": p.band.label, "years": p.band.span(),
                           "transferable_years": p.transferable, "from_field": p.from_field,
                           "field_counts": p.leads_to, "below_current_level": p.below_current}
            if comp is not None:
                low, high = pay_slice(comp, p.band)
                out["band_pay"] = {"min_usd": low, "max_usd": high,
                                   "open_ended": comp.open_ended and p.band.high == 1}
        return out

    data: dict[str, Any] = {
        "background": rec.background, "interests": list(rec.interests),
        "recommendations": [entry(s) for s in shown],
    }
    if years is not None:
        current = seniority_band(min(MAX_YEARS, years.field + years.target))
        placed = [years.place(catalog, rec, s.role) for s in shown]
        data["years"] = years.field
        data["target_years"] = years.target
        data["seniority"] = {
            "current_level": {"band": current.id, "label": current.label,
                              "years": current.span()},
            "rule": RULE, "rule_source": "ours", "bands": bands_legend(),
            "career_change": CHANGE_NOTE if any(p.below_current for p in placed) else None,
            "assumption": PAY_ASSUMPTION}
    pathway = pathway_for(catalog, rec.background)
    if pathway:
        data["pathway"] = {"id": pathway.id, "name": pathway.name, "steps": list(pathway.steps)}
    return data
