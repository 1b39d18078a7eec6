"""A plan as a document to share: Markdown for people, JSON for programs, CSV for spreadsheets.

Markdown and JSON carry the analysis next to the plan, so a reader sees the same cost, runway
and advice as the designer showed, with the assumptions stated; CSV is the hires, one row
each with its cost, to sort and sum.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..catalog.provenance import LEGEND, OURS_TAG
from ..catalog.records import Catalog
from ..controls import json_text, visible
from .analysis import analyse, growth_annual_usd, growth_money_line, hire_costs
from .file_format import plan_to_dict
from .model import SENIORITY_LABELS, OrgPlan, money, start_label
from .pictures import PICTURES, picture

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md_text(text: str) -> str:
    """User text inside Markdown: keep it literal (no accidental headings, links or HTML), and
    control characters visible (``cat report.md`` must not run escape sequences)."""
    return visible(_MD_SPECIAL.sub(r"\\\1", text))


md_text = _md_text  # for the other documents made from plans (plan/diff)


def _para(text: str) -> str:
    # Keep the typed line breaks: two trailing spaces are a Markdown line break.
    return "  \n".join(_md_text(line) for line in text.strip().splitlines())


EXPORT_MAX_WIDTH = 160


def _code_block(text: str) -> list[str]:
    """Text art as a fenced block: the fence is longer than any run of backticks inside, so
    a team named with backticks cannot end it; control characters are written as escapes."""
    text = "".join(f"\\u{ord(ch):04x}" if (ord(ch) < 0x20 and ch != "\n") or ch == "\x7f"
                   else ch for ch in text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", text, fence, ""]


def plan_markdown(plan: OrgPlan, catalog: Catalog) -> str:
    a = analyse(plan, catalog)
    structure = catalog.team_structure(plan.structure)
    lines = [f"# {_md_text(plan.name)}", ""]
    for label, value in (("Company", plan.company), ("Product", plan.product),
                         ("Funding raised", money(plan.funding_usd)),
                         ("Hire budget", str(plan.hire_budget)),
                         ("Team structure", structure.name if structure else plan.structure)):
        if value:
            lines.append(f"- **{label}:** {_md_text(value)}")
    lines += ["", "## Summary", "", _md_text(a.summary()), ""]
    runway = "not reached" if a.runway is None else f"{a.runway:.1f} months"
    lines += [
        f"- Annual cost, all hires on board: {money(a.annual_usd)}",
        f"- Monthly burn, all hires on board: {money(a.monthly_usd)}",
        f"- Runway of the raise: {runway}; it counts {a.runway_counts}",
        f"- Assumptions: pay at a point of the catalog's 2026 range by seniority "
        f"({'; '.join(SENIORITY_LABELS.values())}), times a fully-loaded multiplier of "
        f"{a.multiplier:g}; each hire paid from their start month.",
        "", "## Teams", "", "| Team | Headcount | Yearly cost |", "| --- | ---: | ---: |",
        *(f"| {_md_text(t.team)} | {t.headcount} | {money(t.annual_usd)} |" for t in a.teams),
        f"| **Total** | **{a.hires}** | **{money(a.annual_usd)}** |",
        "", "## Hires in order", "",
    ]
    for i, (hire, cost) in enumerate(zip(plan.hires, a.costs, strict=True), start=1):
        role = cost.role.name if cost.role else f"{hire.role} (unknown role)"
        title = f" — {_md_text(hire.title)}" if hire.title else ""
        lines += [f"### {i}. {_md_text(role)}{title}", ""]
        lines.append(f"- **Start:** {start_label(hire.start)}; **seniority:** {hire.seniority}; "
                     f"**cost:** {money(cost.annual_usd)}/yr loaded")
        if hire.team:
            lines.append(f"- **Team:** {_md_text(hire.team)}")
        lines.append("")
        if hire.deliverable_90_days.strip():
            lines += ["**First 90 days:** " + _para(hire.deliverable_90_days), ""]
        if hire.rationale.strip():
            lines += ["**Why now:** " + _para(hire.rationale), ""]
    lines += ["## Advice", ""]
    if not a.advice:
        lines += ["Nothing to flag: every rule drawn from the article is satisfied.", ""]
    for advice in a.advice:
        lines.append(f"- **{_md_text(advice.message)}.** {_md_text(advice.reason)}")
    if any(OURS_TAG in x.reason for x in a.advice):
        lines += ["", _md_text(LEGEND)]
    g = plan.growth
    gs = catalog.team_structure(g.structure)
    lines += ["", f"## Growth to {g.target}", ""]
    if g.structure:
        lines.append(f"- **Structure:** {_md_text(gs.name if gs else g.structure)}")
    for role_id, count in g.headcount.items():
        grown = catalog.role(role_id)
        lines.append(f"- {_md_text(grown.name if grown else role_id)}: {count}")
    if g.headcount:
        lines.append(f"- Total: {g.total} ({money(growth_annual_usd(plan, catalog))}/yr at "
                     "midpoints, loaded)")
    if a.growth:
        lines.append(f"- Against the raise: {growth_money_line(a.growth)}")
    if g.changes.strip():
        lines += ["", _para(g.changes)]
    lines += ["", "## Pictures", ""]
    # A document can be wider than a terminal: wide enough for the run-out month to show.
    width = min(EXPORT_MAX_WIDTH, max(78, 34 + (a.runs_out_month or 0)))
    for kind, title in PICTURES.items():
        text = picture(kind, plan, a, catalog, width).text()
        if kind == "org":  # both stages, the growth stage under today's team
            text += "\n\n" + picture(kind, plan, a, catalog, width, "growth").text().split(
                "\n", 1)[1]
        lines += [f"### {title}", "", *_code_block(text)]
    return visible("\n".join(lines).rstrip() + "\n")  # catalog names too


def plan_json_text(plan: OrgPlan, catalog: Catalog) -> str:
    return json_text(plan_json(plan, catalog)) + "\n"


def plan_json(plan: OrgPlan, catalog: Catalog) -> dict[str, Any]:
    a = analyse(plan, catalog)
    data = plan_to_dict(plan)
    data["analysis"] = {
        "hires": a.hires, "budget": a.budget, "annual_usd": round(a.annual_usd, 2),
        "monthly_usd": round(a.monthly_usd, 2),
        "runway_months": None if a.runway is None else round(a.runway, 2),
        "cost_multiplier": a.multiplier,
        "runway_counts": a.runway_counts, "other_monthly_usd": round(a.other_monthly_usd, 2),
        "teams": [{"team": t.team, "headcount": t.headcount, "annual_usd": round(t.annual_usd, 2),
                   "hires": [i + 1 for i in t.hires]} for t in a.teams],
        "growth": None if a.growth is None else {
            "headcount": a.growth.headcount, "annual_usd": round(a.growth.annual_usd, 2),
            "month": a.growth.month or None,
            "runway_months": None if a.growth.runway is None else round(a.growth.runway, 2)},
        "hire_costs_usd": [round(c.annual_usd, 2) for c in a.costs],
        "advice": [{"kind": x.kind, "message": x.message, "reason": x.reason,
                    "hire": None if x.hire is None else x.hire + 1, "quote": x.quote}
                   for x in a.advice],
    }
    return data


CSV_COLUMNS = ("number", "title", "role_id", "role_name", "seniority", "team", "start_month",
               "yearly_cost_usd", "deliverable_90_days", "rationale")

# A cell a spreadsheet would run as a formula (CWE-1236): `=HYPERLINK(...)` in a title could
# send data away when the sheet is opened. Such text cells get a leading apostrophe, the
# spreadsheets' own mark for "this is text".
_FORMULA_START = ("=", "+", "-", "@", "\t")  # \r: made \n first


def _csv_text(text: str) -> str:
    """User text as a CSV cell. Line breaks stay (the csv module quotes the cell) with \\r\\n
    and \\r made \\n; other control characters are shown as control pictures (controls.visible)
    like every other headless output: CSV has no escape for them, the file is read in
    terminals (`cat`, the default standard output) where ESC would act, and no spreadsheet
    wants them. The plan file keeps the exact text; JSON is the exact export."""
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    return "'" + text if text.startswith(_FORMULA_START) else text


def plan_csv(plan: OrgPlan, catalog: Catalog) -> str:
    """One row per hire in hiring order, under a header row (CSV_COLUMNS). Money is a plain
    number of dollars with cents (the loaded yearly cost, as the designer figures it), the
    start a month number, so a spreadsheet can sum and sort them; an unknown role has no
    role name and costs 0, as in the analysis."""
    out = io.StringIO()
    writer = csv.writer(out)  # minimal quoting, "" for a quote, \r\n between records
    writer.writerow(CSV_COLUMNS)
    for number, cost in enumerate(hire_costs(plan, catalog), start=1):
        hire = cost.hire
        writer.writerow([
            number, _csv_text(hire.title), _csv_text(hire.role),
            _csv_text(cost.role.name) if cost.role else "", hire.seniority,
            _csv_text(hire.team), hire.start, f"{cost.annual_usd:.2f}",
            _csv_text(hire.deliverable_90_days), _csv_text(hire.rationale)])
    return out.getvalue()
